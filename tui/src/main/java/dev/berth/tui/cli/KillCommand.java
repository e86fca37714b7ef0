package dev.berth.tui.cli;

import dev.berth.ops.Containers;
import dev.berth.ops.OpsException;
import dev.berth.ops.Target;
import dev.berth.runtime.control.KillSignal;
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
    void act(Containers containers, Target t) throws OpsException {
        containers.kill(t, signal);
    }

    static final class SignalConverter extends ParsingConverter<KillSignal> {
        SignalConverter() {
            super(KillSignal::parse);
        }
    }
}
