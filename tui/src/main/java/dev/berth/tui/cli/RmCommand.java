package dev.berth.tui.cli;

import dev.berth.ops.Containers;
import dev.berth.runtime.ContainerName;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code berth rm [-f] NAME...}: removes exited containers and everything they left. */
@Command(name = "rm", mixinStandardHelpOptions = true,
        description = "Remove berth containers and what they left: cgroup, overlay upper layer, state and log. "
                + "A running container is refused unless -f, which kills it first.")
public final class RmCommand implements Runnable {
    @ParentCommand
    BerthCommand root;
    @Spec
    CommandSpec spec;
    @Mixin
    RuntimeOptions runtime;

    @Option(names = {"-f", "--force"}, description = "kill a running container first; remove one whose state is unreadable")
    boolean force;

    @Parameters(paramLabel = "NAME", arity = "1..*", converter = ContainerNameConverter.class,
            description = "the containers' names")
    List<ContainerName> names;

    @Override
    public void run() {
        Containers containers = Wiring.containers(Wiring.host(root, runtime));
        // one at a time, like docker rm: the first failure stops here; those before it stay removed
        for (ContainerName name : names) {
            Wiring.map(() -> {
                containers.remove(name, force);
                return null;
            });
            spec.commandLine().getOut().println(name);
        }
    }
}
