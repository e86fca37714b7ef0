package dev.berth.tui.cli;

import dev.berth.ops.Containers;
import dev.berth.ops.OpsException;
import dev.berth.ops.Target;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code berth freeze NAME}: stops every process of any container until {@code berth thaw}. */
@Command(name = "freeze", mixinStandardHelpOptions = true,
        description = "Freeze every process of a container (berth's own, docker, podman, LXC, a systemd unit or a "
                + "cgroup path) until 'berth thaw'.")
public final class FreezeCommand extends TargetCommand {
    @Option(names = "--timeout", paramLabel = "SECS", defaultValue = "10",
            description = "how long to wait for every process to stop (default: ${DEFAULT-VALUE})")
    int timeoutSecs;

    @Override
    void act(Containers containers, Target t) throws OpsException {
        containers.freeze(t, Duration.ofSeconds(Math.max(1, timeoutSecs)));
    }
}
