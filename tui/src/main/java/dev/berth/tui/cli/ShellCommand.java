package dev.berth.tui.cli;

import dev.berth.tui.shell.Shell;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** {@code berth shell}: the same commands, in an interactive jline shell. */
@Command(name = "shell",
        mixinStandardHelpOptions = true,
        description = {
            "Interactive shell over berth's commands, with completion of subcommands, options and "
                    + "container names (Tab), and history.",
            "History is kept in $XDG_STATE_HOME/berth/history when XDG_STATE_HOME is set, else in "
                    + "~/.berth_history. Ctrl-C drops the line; Ctrl-D, exit or quit leave the shell.",
            "Options given with it (berth --procfs DIR --state-dir DIR shell) are the defaults of every "
                    + "command typed in the shell."})
public final class ShellCommand implements Callable<Integer> {
    @ParentCommand
    BerthCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        // A fresh tree, so that the shell's commands do not share state with this invocation; it
        // gets the global options given to `berth shell` as its defaults.
        CommandLine commands = Main.newCommandLine();
        commands.getCommandSpec().removeSubcommand("shell");
        commands.setDefaultValueProvider(new GlobalDefaults(spec.root().commandLine().getParseResult()));
        try (Terminal terminal = TerminalBuilder.builder().name("berth").system(true)
                // Input from a pipe (echo ps | berth shell) gets a dumb terminal, without jline's warning.
                .dumb(true).build()) {
            try (Shell shell = new Shell(commands, terminal, historyFile(System.getenv()),
                    () -> containerNames(root))) {
                return shell.run();
            }
        }
    }

    /**
     * The names {@code berth ps} shows for the containers on the host (collectors' discovery over the
     * global roots), for completion. A host without a usable cgroup filesystem has none to offer;
     * completion is no place for an error message (the command itself reports it when run).
     */
    static List<String> containerNames(BerthCommand root) {
        return Wiring.host(root, root.runtime).containerNames();
    }

    /**
     * Makes the options given with {@code berth ... shell ...} the defaults of every command typed in
     * the shell: {@code berth --procfs X --state-dir Y shell} runs {@code ps}, {@code stop} and the
     * rest against X and Y. An option typed in the shell still wins.
     */
    static final class GlobalDefaults implements CommandLine.IDefaultValueProvider {
        /** Longest option name to the value given (the last one, if repeated; "true" for a flag). */
        private final Map<String, String> given = new HashMap<>();

        /** The options matched in {@code result} and in each of its subcommands' results. */
        GlobalDefaults(ParseResult result) {
            for (ParseResult r = result; r != null; r = r.subcommand()) {
                for (OptionSpec o : r.matchedOptions()) {
                    if (o.usageHelp() || o.versionHelp()) {
                        continue;
                    }
                    List<String> values = o.originalStringValues();
                    given.put(o.longestName(), values.isEmpty() ? "true" : values.get(values.size() - 1));
                }
            }
        }

        @Override
        public String defaultValue(ArgSpec arg) {
            return arg instanceof OptionSpec o ? given.get(o.longestName()) : null;
        }
    }

    /**
     * Where history lives: {@code $XDG_STATE_HOME/berth/history} (XDG base directory spec, "state
     * data that should persist between restarts", which is what shell history is), else
     * {@code ~/.berth_history} like bash's {@code ~/.bash_history}.
     */
    static Path historyFile(Map<String, String> env) {
        String state = env.get("XDG_STATE_HOME");
        if (state != null && !state.isBlank() && Path.of(state).isAbsolute()) {
            return Path.of(state, "berth", "history");
        }
        return Path.of(System.getProperty("user.home"), ".berth_history");
    }
}
