package dev.berth.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.tui.shell.Shell;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code berth shell} over berth's own command tree. */
class ShellCommandTest {
    @TempDir
    Path dir;

    private static CommandLine shellTree(BerthCommand given) {
        CommandLine commands = Main.newCommandLine();
        commands.getCommandSpec().removeSubcommand("shell");
        commands.setDefaultValueProvider(new ShellCommand.GlobalDefaults(given));
        return commands;
    }

    private static BerthCommand given(String... globalOptions) {
        CommandLine cl = Main.newCommandLine();
        cl.parseArgs(globalOptions);
        return cl.getCommand();
    }

    @Test
    void runsBerthCommandsAndOffersThemForCompletion() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Terminal t = new DumbTerminal("test", "dumb",
                        new ByteArrayInputStream("help\nhelp nosuch\nexit\n".getBytes(StandardCharsets.UTF_8)),
                        out, StandardCharsets.UTF_8);
                Shell shell = new Shell(shellTree(given()), t, dir.resolve("history"), List::of)) {
            List<String> commands = shell.complete("");
            assertTrue(commands.contains("help"), commands.toString());
            assertFalse(commands.contains("shell"), "no shell inside the shell: " + commands);
            assertTrue(shell.complete("help -").contains("--help"), shell.complete("help -").toString());
            assertEquals(0, shell.run());
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("Usage: berth [-hV] [--procfs=DIR] [--sysfs=DIR] [COMMAND]"), text);
        assertTrue(text.contains("Unknown subcommand 'nosuch'"), text);
    }

    @Test
    void globalOptionsGivenToShellAreTheDefaultsInside() {
        CommandLine inside = shellTree(given("--procfs", "/srv/host/proc", "--sysfs", "/srv/host/sys"));
        inside.parseArgs("help");
        BerthCommand root = inside.getCommand();
        assertEquals(Path.of("/srv/host/proc"), root.procfs);
        assertEquals(Path.of("/srv/host/sys"), root.sysfs);
        inside.parseArgs("--sysfs", "/other", "help");
        assertEquals(Path.of("/other"), root.sysfs, "an option typed in the shell still wins");
    }

    @Test
    void historyFileFollowsXdgStateHome() {
        String home = System.getProperty("user.home");
        assertEquals(Path.of("/var/state/berth/history"), ShellCommand.historyFile(Map.of("XDG_STATE_HOME", "/var/state")));
        assertEquals(Path.of(home, ".berth_history"), ShellCommand.historyFile(Map.of()));
        assertEquals(Path.of(home, ".berth_history"), ShellCommand.historyFile(Map.of("XDG_STATE_HOME", "")));
        // The XDG spec: relative paths are invalid and must be ignored.
        assertEquals(Path.of(home, ".berth_history"), ShellCommand.historyFile(Map.of("XDG_STATE_HOME", "state")));
    }
}
