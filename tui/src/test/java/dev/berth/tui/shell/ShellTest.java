package dev.berth.tui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The shell over a small command tree of its own, on a jline dumb terminal fed from a string. */
class ShellTest {
    @TempDir
    Path dir;

    @Command(name = "berth", subcommands = {CommandLine.HelpCommand.class, Freeze.class, Stat.class})
    static final class Root implements Runnable {
        @Override
        public void run() {
        }
    }

    @Command(name = "freeze", description = "freeze a container")
    static final class Freeze implements Runnable {
        @Spec
        CommandSpec spec;
        @Option(names = "--timeout", paramLabel = "SECONDS")
        int timeout = 5;
        @Parameters(paramLabel = "CONTAINER")
        String container;

        @Override
        public void run() {
            spec.commandLine().getOut().println("froze " + container + " within " + timeout + " s");
        }
    }

    @Command(name = "stat", description = "stream numbers")
    static final class Stat implements Runnable {
        @Option(names = {"-c", "--container"}, paramLabel = "CONTAINER")
        List<String> containers = new ArrayList<>();
        @Option(names = "--cpu")
        boolean cpu;
        @Parameters(paramLabel = "INTERVAL", arity = "0..1")
        Integer interval;

        @Override
        public void run() {
        }
    }

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    private Terminal terminal(String input) throws IOException {
        return new DumbTerminal("test", "dumb", new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                output, StandardCharsets.UTF_8);
    }

    private String runShell(String input) throws IOException {
        try (Terminal t = terminal(input);
                Shell shell = new Shell(new CommandLine(new Root()), t, dir.resolve("history"), () -> List.of("web"))) {
            assertEquals(0, shell.run());
        }
        return output.toString(StandardCharsets.UTF_8);
    }

    @Test
    void commandsRunThroughTheTreeUntilExit() throws IOException {
        String out = runShell("freeze --timeout 7 web\nexit\nfreeze db\n");
        assertTrue(out.contains("froze web within 7 s"), out);
        assertFalse(out.contains("froze db"), "a line after exit ran: " + out);
    }

    @Test
    void quitAlsoLeaves() throws IOException {
        String out = runShell("quit\nfreeze db\n");
        assertFalse(out.contains("froze db"), out);
    }

    @Test
    void endOfInputLeavesWithZero() throws IOException {
        String out = runShell("freeze web\n");
        assertTrue(out.contains("froze web"), out);
    }

    @Test
    void errorsAreReportedAndTheShellGoesOn() throws IOException {
        String out = runShell("freeze --timeout soon web\nnosuch\nfreeze db\n");
        assertTrue(out.contains("Invalid value for option '--timeout': 'soon'"), out);
        assertTrue(out.contains("berth shell: Unknown command: nosuch"), out);
        assertTrue(out.contains("froze db within 5 s"), "options were not reset between lines: " + out);
    }

    @Test
    void helpIsPicocliUsageOfTheTree() throws IOException {
        String out = runShell("help\nhelp freeze\n");
        assertTrue(out.contains("Usage: berth [COMMAND]"), out);
        assertTrue(out.contains("Usage: berth freeze [--timeout=SECONDS] CONTAINER"), out);
    }

    @Test
    void historyIsSavedAndLoadedAgain() throws IOException {
        runShell("freeze web\n stat --cpu\nexit\n");
        String saved = Files.readString(dir.resolve("history"));
        assertTrue(saved.contains("freeze web"), saved);
        assertFalse(saved.contains("stat --cpu"), "a line starting with a space is kept out of history: " + saved);
        // The next session starts with that history: "!freeze" is the last line starting "freeze".
        output.reset();
        String out = runShell("!freeze\n");
        assertTrue(out.contains("froze web"), out);
    }

    @Test
    void completesSubcommandsOptionsAndContainers() throws IOException {
        AtomicInteger asked = new AtomicInteger();
        try (Terminal t = terminal("");
                Shell shell = new Shell(new CommandLine(new Root()), t, dir.resolve("history"), () -> {
                    asked.incrementAndGet();
                    return List.of("web", "db-1");
                })) {
            assertTrue(shell.complete("").containsAll(List.of("freeze", "stat", "help")), shell.complete("").toString());
            // Options that take a value are offered with their "=", as picocli completes them.
            assertTrue(shell.complete("stat -").containsAll(List.of("-c=", "--container=", "--cpu")),
                    shell.complete("stat -").toString());
            assertTrue(shell.complete("freeze ").containsAll(List.of("web", "db-1")), shell.complete("freeze ").toString());
            assertTrue(shell.complete("freeze --timeout 3 w").contains("web"));
            assertTrue(shell.complete("stat -c ").contains("db-1"));
            assertTrue(shell.complete("stat --cpu --container ").contains("web"));
            assertTrue(shell.complete("stat --container=").contains("--container=web"),
                    shell.complete("stat --container=").toString());
            int before = asked.get();
            assertFalse(shell.complete("freeze --timeout ").contains("web"), "SECONDS is not a container");
            assertFalse(shell.complete("stat ").contains("web"), "INTERVAL is not a container");
            assertFalse(shell.complete("freeze web ").contains("web"), "freeze takes one container");
            assertEquals(before, asked.get(), "names were listed where no container goes");
        }
    }
}
