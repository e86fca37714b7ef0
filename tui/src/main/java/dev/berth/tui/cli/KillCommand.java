package dev.berth.tui.cli;

import dev.berth.runtime.ContainerNotFoundException;
import dev.berth.runtime.control.ControlException;
import dev.berth.runtime.control.KillSignal;
import java.io.IOException;
import java.time.Duration;
import java.util.OptionalLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code berth kill NAME [-s SIG]}: SIGKILL (the default) empties the container's cgroup (and, for
 * berth's own, removes it and records the exit); another signal goes to the init process of
 * berth's own containers, or to every process of a foreign one.
 */
@Command(name = "kill", mixinStandardHelpOptions = true,
        description = "Send a signal to a container (berth's own, docker, podman, LXC, a systemd unit or a cgroup "
                + "path). KILL, the default, kills every process in its cgroup and waits until it is empty; other "
                + "signals go to the init process of berth's containers and to every process of others.")
public final class KillCommand extends TargetCommand {
    @Option(names = {"-s", "--signal"}, paramLabel = "SIG", defaultValue = "KILL", converter = SignalConverter.class,
            description = "signal name or number, e.g. TERM, HUP, 9 (default: ${DEFAULT-VALUE})")
    KillSignal signal;

    @Override
    void act(RuntimeContext ctx, TargetResolver.Target t) throws ContainerNotFoundException, ControlException,
            IOException {
        OptionalLong main = t.own().filter(r -> r.pid() != null).map(r -> OptionalLong.of(r.pid()))
                .orElse(OptionalLong.empty());
        ctx.control.kill(t.cgroupPath(), signal, main, Duration.ofSeconds(10));
        if (t.own().isPresent() && signal.number() == KillSignal.KILL.number()) {
            // nothing is left in it: remove the empty cgroup and record the exit, as stop would
            ctx.lifecycle.stop(t.own().get().name(), Duration.ZERO);
        }
    }

    static final class SignalConverter extends ParsingConverter<KillSignal> {
        SignalConverter() {
            super(KillSignal::parse);
        }
    }
}
