package dev.berth.tui.cli;

import dev.berth.runtime.ContainerName;
import dev.berth.runtime.control.LogReader;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.OutputStream;
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

    /** Where the bytes go; stdout unbuffered-by-line, as the container wrote them. Replaceable for tests. */
    OutputStream out = new FileOutputStream(FileDescriptor.out);

    @Override
    public void run() {
        RuntimeContext ctx = RuntimeContext.open(root, runtime);
        ControlErrors.map(() -> {
            new LogReader(ctx.lifecycle).copy(name, out, follow);
            return null;
        });
    }
}
