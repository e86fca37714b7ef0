package dev.berth.tui.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jline.console.impl.SystemRegistryImpl;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.completer.AggregateCompleter;
import org.jline.terminal.Terminal;
import picocli.CommandLine;
import picocli.shell.jline3.PicocliCommands;

/**
 * An interactive front end to the picocli command tree it is given: jline line editing, history,
 * and completion of subcommands, options and container names. The commands are the same
 * {@code @Command} objects the command line runs (picocli-shell-jline3's {@link PicocliCommands}
 * inside jline's {@link SystemRegistryImpl}, which adds pipes and {@code >} redirection); the shell
 * parses no command itself.
 *
 * <p>Ctrl-C drops the line being edited; Ctrl-D on an empty line, {@code exit} or {@code quit}
 * leave the shell. Not thread-safe: one shell per terminal, used from one thread.
 */
public final class Shell implements AutoCloseable {
    static final String PROMPT = "berth> ";

    private final CommandLine commands;
    private final Path historyFile;
    private final PrintWriter out;
    private final Parser parser = new DefaultParser();
    private final SystemRegistryImpl registry;
    private final Completer completer;
    private final LineReader reader;

    /**
     * @param commands the command tree (its own {@code shell} subcommand, if any, must already be
     *     removed); its output and error writers are redirected to {@code terminal}
     * @param terminal where the shell reads and writes; the caller closes it
     * @param historyFile where history is loaded from and saved to (its directory is created)
     * @param containerNames the names offered where a command takes a container; asked at each
     *     completion
     */
    public Shell(CommandLine commands, Terminal terminal, Path historyFile,
            Supplier<? extends Iterable<String>> containerNames) {
        this.commands = Objects.requireNonNull(commands);
        this.historyFile = Objects.requireNonNull(historyFile);
        this.out = terminal.writer();
        commands.setOut(out);
        commands.setErr(out);
        PicocliCommands picocli = new PicocliCommands(commands);
        registry = new SystemRegistryImpl(parser, terminal, Shell::workDir, null);
        registry.setCommandRegistries(picocli);
        registry.register("help", picocli);
        completer = new AggregateCompleter(registry.completer(),
                new ContainerNameCompleter(commands.getCommandSpec(), containerNames));
        reader = LineReaderBuilder.builder()
                .appName("berth")
                .terminal(terminal)
                .parser(parser)
                .completer(completer)
                .variable(LineReader.HISTORY_FILE, historyFile)
                .variable(LineReader.HISTORY_FILE_SIZE, 10_000)
                .variable(LineReader.LIST_MAX, 100)
                .option(LineReader.Option.HISTORY_IGNORE_SPACE, true)
                .build();
    }

    /** Reads and runs lines until end of input, {@code exit} or {@code quit}; returns exit code 0. */
    public int run() {
        while (true) {
            String line;
            try {
                registry.cleanUp();
                line = reader.readLine(PROMPT);
            } catch (UserInterruptException e) {
                continue; // Ctrl-C: drop the line, like bash
            } catch (EndOfFileException e) {
                return 0;
            }
            String trimmed = line.trim();
            if (trimmed.equals("exit") || trimmed.equals("quit")) {
                return 0;
            }
            if (!trimmed.isEmpty()) {
                execute(line);
            }
            out.flush();
        }
    }

    private void execute(String line) {
        try {
            List<String> words = parser.parse(line, line.length(), Parser.ParseContext.ACCEPT_LINE).words();
            if (words.get(0).equals("help")) {
                // jline's registry has a "help" of its own that lists registries; ours is picocli's,
                // the same usage text as `berth help` on the command line.
                commands.execute(words.toArray(String[]::new));
                out.println("Shell: Tab completes, Ctrl-C drops the line, exit or quit (or Ctrl-D) leaves.");
                return;
            }
            registry.execute(line);
        } catch (UserInterruptException e) {
            out.println("interrupted");
        } catch (Exception e) {
            // Our commands map their own errors to one line (ErrorHandler); what reaches here is
            // jline's: an unknown command, a malformed pipe or quote.
            out.println("berth shell: " + e.getMessage());
        }
    }

    /**
     * The completion candidates (their values, in the order offered) for {@code line} with the
     * cursor at its end, exactly as Tab would offer them.
     */
    public List<String> complete(String line) {
        ParsedLine parsed = parser.parse(line, line.length(), Parser.ParseContext.COMPLETE);
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(reader, parsed, candidates);
        return candidates.stream().map(Candidate::value).toList();
    }

    /** Saves the history and releases the registry; the terminal stays open (the caller's). */
    @Override
    public void close() {
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            // The commands ran; say that history was not kept and still exit 0.
            out.println("berth shell: cannot save history to " + historyFile + ": " + e.getMessage());
        } finally {
            registry.close();
            out.flush();
        }
    }

    private static Path workDir() {
        return Path.of(System.getProperty("user.dir"));
    }
}
