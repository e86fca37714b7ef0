package dev.berth.tui.cli;

import dev.berth.collectors.format.Printable;
import dev.berth.ops.Containers;
import dev.berth.ops.LimitChange;
import dev.berth.ops.Target;
import dev.berth.runtime.limits.LimitRequest;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code berth set NAME [limits]}: changes a running container's limits, all or nothing. Works on
 * every container berth can see; for berth's own, the new values are also recorded in its state.
 */
@Command(name = "set", mixinStandardHelpOptions = true,
        description = "Change the limits of a running container (berth's own, docker, podman, LXC, a systemd unit "
                + "or a cgroup path), all or nothing: if one value is refused, none is changed.")
public final class SetCommand implements Runnable {
    @ParentCommand
    BerthCommand root;
    @Spec
    CommandSpec spec;
    @Mixin
    RuntimeOptions runtime;
    @Mixin
    LimitOptions limits;

    @Parameters(paramLabel = "NAME", description = "a container name or cgroup path, as 'berth ps' shows it")
    String name;

    @Override
    public void run() {
        LimitRequest request = limits.toRequest();
        if (request.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "no limit given: expected at least one of --cpus, "
                    + "--cpu-weight, --cpuset-cpus, --memory, --memory-high, --memory-swap, --pids-limit, --device-*");
        }
        Containers containers = Wiring.containers(Wiring.host(root, runtime));
        Target t = Wiring.map(() -> containers.resolve(name));
        Map<String, String> applied = Wiring.map(() -> containers.setLimits(t, LimitChange.of(request)));
        spec.commandLine().getOut().println(Printable.escape(t.label()) + ": " + applied.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")));
    }
}
