package dev.berth.tui.cli;

import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.CgroupFsProber;
import dev.berth.collectors.ContainerDiscovery;
import dev.berth.collectors.ContainerIdentity;
import dev.berth.collectors.discovery.RuntimeNames;
import dev.berth.tui.shell.Shell;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code berth shell}: the same commands, in an interactive jline shell. */
@Command(name = "shell",
        mixinStandardHelpOptions = true,
        description = {
            "Interactive shell over berth's commands, with completion of subcommands, options and "
                    + "container names (Tab), and history.",
            "History is kept in $XDG_STATE_HOME/berth/history when XDG_STATE_HOME is set, else in "
                    + "~/.berth_history. Ctrl-C drops the line; Ctrl-D, exit or quit leave the shell."})
public final class ShellCommand implements Callable<Integer> {
    @ParentCommand
    BerthCommand root;

    @Override
    public Integer call() throws IOException {
        // A fresh tree, so that the shell's commands do not share state with this invocation; it
        // gets the global options given to `berth shell` as its defaults.
        CommandLine commands = Main.newCommandLine();
        commands.getCommandSpec().removeSubcommand("shell");
        commands.setDefaultValueProvider(new GlobalDefaults(root));
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
        try {
            CgroupFs fs = CgroupFs.open(new CgroupFsProber(root.procfs, root.sysfs).probe());
            Path procfs = root.procfs.toAbsolutePath();
            Path fsRoot = procfs.getParent() == null ? procfs : procfs.getParent();
            return new ContainerDiscovery(fs, root.procfs, new RuntimeNames(fsRoot))
                    .discover(false, warning -> { }).stream()
                    .map(ContainerIdentity::name).distinct().sorted().toList();
        } catch (CgroupException e) {
            return List.of();
        }
    }

    /** Makes {@code berth --procfs X --sysfs Y shell} run every shell command against X and Y. */
    static final class GlobalDefaults implements CommandLine.IDefaultValueProvider {
        private final BerthCommand given;

        GlobalDefaults(BerthCommand given) {
            this.given = given;
        }

        @Override
        public String defaultValue(CommandLine.Model.ArgSpec arg) {
            if (arg instanceof CommandLine.Model.OptionSpec option) {
                switch (option.longestName()) {
                    case "--procfs": return given.procfs.toString();
                    case "--sysfs": return given.sysfs.toString();
                    default: return null;
                }
            }
            return null;
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
