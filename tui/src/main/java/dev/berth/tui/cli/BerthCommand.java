package dev.berth.tui.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code berth}: the root command. Without a subcommand it opens the console ({@link ConsoleCommand}). */
@Command(name = "berth",
        mixinStandardHelpOptions = true,
        versionProvider = BerthCommand.Version.class,
        description = "Live console for Linux hosts that run containers: what every container costs, "
                + "and the controls to change it.",
        subcommands = {
            picocli.CommandLine.HelpCommand.class,
            ConsoleCommand.class,
            PsCommand.class,
            StatCommand.class,
            RunCommand.class, ExecCommand.class,
            StopCommand.class, KillCommand.class, FreezeCommand.class, ThawCommand.class, RmCommand.class,
            SetCommand.class, LogsCommand.class,
            ShellCommand.class,
            ServeCommand.class,
            RecordCommand.class, HistoryCommand.class, ReplayCommand.class,
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:success",
            "1:the data named is wrong (no such container, limit refused by the kernel)",
            "2:invalid usage or option value",
            "70:unexpected internal error"})
public final class BerthCommand implements Runnable {
    @Spec
    CommandSpec spec;

    /** Root of the proc filesystem every reader uses. */
    @Option(names = "--procfs", paramLabel = "DIR", defaultValue = "/proc", scope = ScopeType.INHERIT,
            description = "procfs root to read (default: ${DEFAULT-VALUE})")
    Path procfs;

    /** Root of the sys filesystem every reader uses. */
    @Option(names = "--sysfs", paramLabel = "DIR", defaultValue = "/sys", scope = ScopeType.INHERIT,
            description = "sysfs root to read (default: ${DEFAULT-VALUE})")
    Path sysfs;

    /** The console's options, so that {@code berth --interval 1} works without naming the subcommand. */
    @picocli.CommandLine.Mixin
    ConsoleOptions console;

    /** Where berth's own containers live, for the console's stop and launch. */
    @picocli.CommandLine.Mixin
    RuntimeOptions runtime;

    /** The environment commands read (the history store's location); package-private for tests. */
    java.util.Map<String, String> env = System.getenv();

    @Override
    public void run() {
        ConsoleCommand.open(this, console, runtime);
    }

    /** Reads the version Maven filtered into {@code version.properties}. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties p = new Properties();
            try (InputStream in = BerthCommand.class.getResourceAsStream("version.properties")) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new String[] {"berth " + p.getProperty("version"),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
