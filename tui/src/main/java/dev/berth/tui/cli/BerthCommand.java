package dev.berth.tui.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code berth}: the root command; {@link BerthTree} adds every subcommand ({@link #SUBCOMMANDS}). Without a
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
public class BerthCommand extends RootOptions {
    /**
     * The subcommands, in the order {@code berth --help} lists them: those of {@link BerthTree}, the root with all
     * of them, which the man pages, completion and every run that is not of one subcommand use; a run naming one
     * subcommand adds that one to a plain {@code BerthCommand} ({@link Main}): building every subcommand's model
     * took ~80 ms of each command's start.
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(BerthTree.class.getAnnotation(Command.class).subcommands());

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
