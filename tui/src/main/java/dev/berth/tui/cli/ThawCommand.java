package dev.berth.tui.cli;

import dev.berth.runtime.control.ControlException;
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
    void act(RuntimeContext ctx, TargetResolver.Target t) throws ControlException {
        ctx.control.thaw(t.cgroupPath(), Duration.ofSeconds(Math.max(1, timeoutSecs)));
    }
}
