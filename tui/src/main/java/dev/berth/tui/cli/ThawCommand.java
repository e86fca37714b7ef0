package dev.berth.tui.cli;

import dev.berth.ops.Containers;
import dev.berth.ops.OpsException;
import dev.berth.ops.Target;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code berth thaw NAME}: resumes a frozen container. */
@Command(name = "thaw", mixinStandardHelpOptions = true,
        description = "Thaw a frozen container (berth's own, docker, podman, LXC, a systemd unit or a "
                + "cgroup path).")
public final class ThawCommand extends TargetCommand {
    @Option(names = "--timeout", paramLabel = "SECS", defaultValue = "10",
            description = "how long to wait for the kernel to report it thawed (default: ${DEFAULT-VALUE})")
    int timeoutSecs;

    @Override
    void act(Containers containers, Target t) throws OpsException {
        containers.thaw(t, Duration.ofSeconds(Math.max(1, timeoutSecs)));
    }
}
