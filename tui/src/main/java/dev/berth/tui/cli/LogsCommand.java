package dev.berth.tui.cli;

import dev.berth.ops.Containers;
import dev.berth.runtime.ContainerName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code berth logs NAME [-f]}: a detached container's output. */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = "Print the output of a container started with -d; with -f, keep printing until it exits.")
public final class LogsCommand implements Runnable {
    @ParentCommand
    BerthCommand root;
    @Mixin
    RuntimeOptions runtime;

    @Parameters(paramLabel = "NAME", converter = ContainerNameConverter.class, description = "the container's name")
    ContainerName name;

    @Option(names = {"-f", "--follow"}, description = "follow the output until the container exits")
    boolean follow;

    @Override
    public void run() {
        Containers containers = Wiring.containers(Wiring.host(root, runtime));
        Wiring.map(() -> {
            // bytes as the container wrote them: System.out, not the command's PrintWriter, which would re-encode
            containers.logs(name, System.out, follow);
            return null;
        });
    }
}
