package dev.berth.tui.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code berth}: the root command, with every subcommand ({@link #SUBCOMMANDS}, added by {@link Main}). Without a
 * subcommand it opens the console ({@link ConsoleCommand}); its options are {@link RootOptions}, which
 * {@link ConsoleLaunch} shares.
 */
@Command(name = "berth",
        mixinStandardHelpOptions = true,
        versionProvider = BerthCommand.Version.class,
        description = "Live console for Linux hosts that run containers: what every container costs, "
                + "and the controls to change it.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:success",
            "1:the data named is wrong (no such container, limit refused by the kernel)",
            "2:invalid usage or option value",
            "70:unexpected internal error"})
public final class BerthCommand extends RootOptions {
    /**
     * The subcommands, in the order {@code berth --help} lists them. Added by {@link Main} rather than named in the
     * annotation, so that a run of one subcommand builds that one alone: building every subcommand's model took
     * ~80 ms of each command's start.
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            CommandLine.HelpCommand.class,
            ConsoleCommand.class,
            PsCommand.class,
            StatCommand.class,
            RunCommand.class, ExecCommand.class,
            StopCommand.class, KillCommand.class, FreezeCommand.class, ThawCommand.class, RmCommand.class,
            SetCommand.class, LogsCommand.class,
            ShellCommand.class,
            ServeCommand.class,
            RecordCommand.class, HistoryCommand.class, ReplayCommand.class);

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
