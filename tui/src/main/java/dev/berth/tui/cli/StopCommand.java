package dev.berth.tui.cli;

import dev.berth.ops.Containers;
import dev.berth.runtime.ContainerName;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code berth stop NAME [-t SECS]}: SIGTERM, a grace period, then kill-all; the cgroup is removed. */
@Command(name = "stop", mixinStandardHelpOptions = true,
        description = "Stop one of berth's containers: SIGTERM to its init process, then, after the grace period, "
                + "SIGKILL to every process left in its cgroup; the empty cgroup is removed.")
public final class StopCommand implements Runnable {
    @ParentCommand
    BerthCommand root;
    @Spec
    CommandSpec spec;
    @Mixin
    RuntimeOptions runtime;

    @Parameters(paramLabel = "NAME", converter = ContainerNameConverter.class, description = "the container's name")
    ContainerName name;

    @Option(names = {"-t", "--time"}, paramLabel = "SECS", defaultValue = "10",
            description = "seconds to wait after SIGTERM before killing (default: ${DEFAULT-VALUE})")
    int graceSecs;

    @Override
    public void run() {
        if (graceSecs < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "invalid value for option '--time': " + graceSecs + " is negative: expected 0 or more seconds");
        }
        Containers containers = Wiring.containers(Wiring.host(root, runtime));
        Wiring.map(() -> {
            containers.stop(containers.own(name), Duration.ofSeconds(graceSecs));
            return null;
        });
        spec.commandLine().getOut().println(name);
    }
}
