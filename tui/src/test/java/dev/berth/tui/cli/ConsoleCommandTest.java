package dev.berth.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/** The console's options and what happens without a terminal (surefire runs without one). */
class ConsoleCommandTest {
    @ParameterizedTest
    @CsvSource({"2,2000", "0.5,500", "0.2,200", "500ms,500", "2s,2000", "1.5S,1500", "' 3 ',3000"})
    void intervalAcceptsSecondsAndUnits(String text, long millis) {
        assertEquals(Duration.ofMillis(millis), new ConsoleOptions.IntervalConverter().convert(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.1", "199ms", "0", "-1", "abc", "2m", "", "2 s", "86401"})
    void intervalRejectsWhatIsNotATimeOfAtLeast200ms(String text) {
        TypeConversionException e = assertThrows(TypeConversionException.class,
                () -> new ConsoleOptions.IntervalConverter().convert(text));
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
    }

    @Test
    void badIntervalIsAUsageErrorWithExit2() {
        CliRun r = CliRun.of("--interval", "0.1");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.errLine().startsWith("berth: "), r.errLine());
        assertTrue(r.errLine().contains("--interval") && r.errLine().contains("at least 0.2s"), r.errLine());
        CliRun c = CliRun.of("console", "-i", "soon");
        assertEquals(2, c.exit(), c.toString());
        assertTrue(c.errLine().contains("'soon' is not a time"), c.errLine());
    }

    @Test
    void withoutATerminalTheConsoleSaysSoAndExits1() {
        CliRun r = CliRun.of();
        assertEquals(1, r.exit(), r.toString());
        assertEquals("berth: the console needs a terminal, but stdin or stdout is not a tty "
                + "(use 'berth ps' or 'berth stat' for plain output)", r.errLine());
    }

    @Test
    void helpListsTheConsoleOptions() {
        CliRun r = CliRun.of("console", "--help");
        assertEquals(0, r.exit());
        for (String o : new String[] {"--interval", "--no-color", "--ascii", "--no-mouse", "--all", "--state-dir"}) {
            assertTrue(r.out().contains(o), o + " missing:\n" + r.out());
        }
    }

    @Test
    void aStoreThatIsNotADirectoryIsAUsageErrorWithExit2(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        for (String[] args : new String[][] {{"--store", tmp.resolve("none").toString()},
                {"console", "--store", file.toString()}}) {
            CliRun r = CliRun.of(args);
            assertEquals(2, r.exit(), r.toString());
            String command = args[0].equals("console") ? "berth console" : "berth";
            // one line saying what is wrong (picocli's wording, as for --interval), then the usage hint
            assertEquals(List.of(command + ": Invalid value for option '--store': no history store at '"
                    + args[args.length - 1] + "': expected the directory berth record writes",
                    "try '" + command + " --help' for usage"), r.err().strip().lines().toList());
        }
    }

    @Test
    void aStoreDirectoryIsTakenBeforeOrAfterConsoleAndUsedForTheGraphs(@TempDir Path tmp) {
        // accepted: the command gets as far as asking for a terminal (surefire has none)
        CliRun r = CliRun.of("console", "--store", tmp.toString());
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.errLine().contains("needs a terminal"), r.errLine());

        ConsoleOptions outer = parsed("--store", tmp.toString());
        ConsoleOptions inner = parsed();
        assertEquals(tmp, ConsoleCommand.historyStore(inner.orOuter(outer), Map.of()));
        assertEquals(Path.of("/elsewhere"), ConsoleCommand.historyStore(inner, Map.of("BERTH_HISTORY_STORE",
                "/elsewhere")));
        assertEquals(tmp, ConsoleCommand.historyStore(parsed("--store", tmp.toString()), Map.of("BERTH_HISTORY_STORE",
                "/elsewhere")));
    }

    private static ConsoleOptions parsed(String... args) {
        ConsoleOptions o = new ConsoleOptions();
        new CommandLine(o).parseArgs(args);
        return o;
    }
}
