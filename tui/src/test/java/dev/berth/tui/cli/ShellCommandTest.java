package dev.berth.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.collectors.testing.FakeHost;
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

    /** The tree the shell runs, with the options of {@code berth <args> shell} as defaults. */
    private static CommandLine shellTree(String... args) {
        CommandLine commands = Main.newCommandLine();
        commands.getCommandSpec().removeSubcommand("shell");
        commands.setDefaultValueProvider(new ShellCommand.GlobalDefaults(Main.newCommandLine().parseArgs(args)));
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
                Shell shell = new Shell(shellTree("shell"), t, dir.resolve("history"), List::of)) {
            List<String> commands = shell.complete("");
            assertTrue(commands.contains("help"), commands.toString());
            assertFalse(commands.contains("shell"), "no shell inside the shell: " + commands);
            assertTrue(shell.complete("help -").contains("--help"), shell.complete("help -").toString());
            assertEquals(0, shell.run());
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("Usage: berth [-ahV]") && text.contains("[--procfs=DIR]") && text.contains("[COMMAND]"), text);
        assertTrue(text.contains("Unknown subcommand 'nosuch'"), text);
    }

    @Test
    void completesNamesOfContainersOnTheHost() throws IOException {
        String id = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        FakeHost host = FakeHost.hybrid(dir.resolve("host")).dockerName(id, "web");
        host.container("/docker/" + id).pids.add(4242L);
        host.write();
        BerthCommand given = given("--procfs", host.procfs().toString(), "--sysfs", host.sysfs().toString());
        assertEquals(List.of("web"), ShellCommand.containerNames(given));
        try (Terminal t = new DumbTerminal("test", "dumb", new ByteArrayInputStream(new byte[0]),
                        new ByteArrayOutputStream(), StandardCharsets.UTF_8);
                Shell shell = new Shell(shellTree("--procfs", host.procfs().toString(), "--sysfs",
                        host.sysfs().toString(), "shell"), t, dir.resolve("history"),
                        () -> ShellCommand.containerNames(given))) {
            assertTrue(shell.complete("").containsAll(List.of("ps", "stat", "freeze", "set", "help")),
                    shell.complete("").toString());
            assertTrue(shell.complete("freeze --").contains("--timeout="), shell.complete("freeze --").toString());
            assertTrue(shell.complete("freeze ").contains("web"), shell.complete("freeze ").toString());
            assertTrue(shell.complete("stat --cpu -c ").contains("web"), shell.complete("stat --cpu -c ").toString());
            assertTrue(shell.complete("set --cpus 0.5 w").contains("web"), shell.complete("set --cpus 0.5 w").toString());
            assertFalse(shell.complete("freeze --timeout ").contains("web"));
            assertTrue(shell.complete("exec ").contains("web"), shell.complete("exec ").toString());
            assertFalse(shell.complete("exec web ").contains("web"), "CMD is not a container");
            assertFalse(shell.complete("run --name ").contains("web"), "--name names a new container");
            assertFalse(shell.complete("run --hostname ").contains("web"), "--hostname is not a container");
        }
    }

    @Test
    void noCgroupFilesystemMeansNoNames() {
        assertEquals(List.of(), ShellCommand.containerNames(given("--procfs", dir.toString(), "--sysfs", dir.toString())));
    }

    @Test
    void optionsGivenToShellAreTheDefaultsInside() {
        CommandLine inside = shellTree("--procfs", "/srv/host/proc", "--state-dir", "/srv/state", "shell",
                "--sysfs=/srv/host/sys");
        inside.parseArgs("help");
        BerthCommand root = inside.getCommand();
        assertEquals(Path.of("/srv/host/proc"), root.procfs);
        assertEquals(Path.of("/srv/host/sys"), root.sysfs);
        inside.parseArgs("--sysfs", "/other", "help");
        assertEquals(Path.of("/other"), root.sysfs, "an option typed in the shell still wins");
        CommandLine.Model.OptionSpec stateDir = inside.getSubcommands().get("stop").getCommandSpec()
                .findOption("--state-dir");
        assertEquals("/srv/state", defaultOf(inside, stateDir), "berth --state-dir X shell reaches stop");
    }

    private static String defaultOf(CommandLine cl, CommandLine.Model.OptionSpec option) {
        try {
            return cl.getDefaultValueProvider().defaultValue(option);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
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
