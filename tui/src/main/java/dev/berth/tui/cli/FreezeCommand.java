package dev.berth.tui.cli;

import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code berth freeze NAME}: stops every process of any container until {@code berth thaw}. */
@Command(name = "freeze", mixinStandardHelpOptions = true,
        description = "Freeze every process of a container (berth's own, docker, podman, LXC, a systemd unit or a "
                + "cgroup path) until 'berth thaw'.")
public final class FreezeCommand implements Runnable {
    @ParentCommand
    BerthCommand root;
    @Spec
    CommandSpec spec;
    @Mixin
    RuntimeOptions runtime;

    @Parameters(paramLabel = "NAME", description = "a container name or cgroup path, as 'berth ps' shows it")
    String name;

    @Option(names = "--timeout", paramLabel = "SECS", defaultValue = "10",
            description = "how long to wait for every process to stop (default: ${DEFAULT-VALUE})")
    int timeoutSecs;

    @Override
    public void run() {
        RuntimeContext ctx = RuntimeContext.open(root, runtime);
        TargetResolver.Target t = new TargetResolver(ctx).resolve(name);
        ControlErrors.map(() -> {
            ctx.control.freeze(t.cgroupPath(), Duration.ofSeconds(Math.max(1, timeoutSecs)));
            return null;
        });
        spec.commandLine().getOut().println(t.label());
    }
}
