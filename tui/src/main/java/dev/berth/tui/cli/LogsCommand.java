package dev.berth.tui.cli;

import dev.berth.runtime.ContainerName;
import dev.berth.runtime.control.LogReader;
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
        RuntimeContext ctx = RuntimeContext.open(root, runtime);
        ControlErrors.map(() -> {
            // bytes as the container wrote them: System.out, not the command's PrintWriter, which would re-encode
            new LogReader(ctx.lifecycle).copy(name, System.out, follow);
            return null;
        });
    }
}
