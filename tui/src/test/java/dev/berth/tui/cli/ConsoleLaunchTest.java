package dev.berth.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code berth} without a subcommand is parsed by {@link ConsoleLaunch} (the root's options, no subcommand tree):
 * it must accept exactly what {@link BerthCommand} accepts before a subcommand, with the same defaults, and be
 * chosen only when no argument names a subcommand.
 */
class ConsoleLaunchTest {
    private static Map<String, String> options(CommandLine cl) {
        Map<String, String> out = new TreeMap<>();
        for (OptionSpec o : cl.getCommandSpec().options()) {
            out.put(String.join(",", o.names()), o.arity() + " default=" + o.defaultValue() + " type="
                    + o.type().getName() + " scope=" + o.scopeType());
        }
        return out;
    }

    @Test
    void theConsoleRootHasTheWholeRootsOptions() {
        assertEquals(options(Main.newCommandLine()), options(new CommandLine(new ConsoleLaunch())));
        assertTrue(new CommandLine(new ConsoleLaunch()).getSubcommands().isEmpty());
        assertEquals(Main.newCommandLine().getCommandName(), new CommandLine(new ConsoleLaunch()).getCommandName());
    }

    @Test
    void bothRootsReadTheSameValues() {
        String[] args = {"-a", "-i", "2.5", "--no-color", "--procfs", "/p", "--state-dir", "/s"};
        ConsoleLaunch fast = new ConsoleLaunch();
        new CommandLine(fast).parseArgs(args);
        BerthCommand whole = new BerthCommand();
        new CommandLine(whole).parseArgs(args);
        assertEquals(whole.procfs, fast.procfs);
        assertEquals(whole.sysfs, fast.sysfs);
        assertEquals(whole.console.interval, fast.console.interval);
        assertEquals(whole.console.all, fast.console.all);
        assertEquals(whole.console.noColor, fast.console.noColor);
    }

    @Test
    void onlyArgumentsNamingNoSubcommandTakeTheShortPath() {
        assertTrue(Main.namesNoSubcommand());
        assertTrue(Main.namesNoSubcommand("-a", "-i", "1", "--procfs", "/proc"));
        for (List<String> a : List.of(List.of("ps"), List.of("--procfs", "/x", "stat", "1"), List.of("help"),
                List.of("console", "-a"), List.of("-a", "shell"))) {
            assertFalse(Main.namesNoSubcommand(a.toArray(String[]::new)), a.toString());
        }
    }

    @Test
    void aRunNamingOneSubcommandBuildsItAloneWithTheOptionsItHasInTheWholeTree() {
        assertEquals(Optional.of(PsCommand.class), Main.soleSubcommand("--state-dir", "/s", "ps", "--all"));
        assertEquals(Optional.of(HistoryCommand.class), Main.soleSubcommand("history", "--top", "cpu"));
        assertEquals(Optional.empty(), Main.soleSubcommand("help", "ps"), "help needs the others");
        assertEquals(Optional.empty(), Main.soleSubcommand("shell"), "the shell runs the others");
        assertEquals(Optional.empty(), Main.soleSubcommand("logs", "stat"), "a container named stat: two names");
        assertEquals(Optional.empty(), Main.soleSubcommand("-a", "-i", "2"));
        CommandLine whole = Main.newCommandLine();
        for (Class<?> c : BerthCommand.SUBCOMMANDS) {
            String name = c.getAnnotation(CommandLine.Command.class).name();
            CommandLine one = Main.withOnly(c);
            assertEquals(List.of(name), List.copyOf(one.getSubcommands().keySet()), name);
            assertEquals(options(whole.getSubcommands().get(name)), options(one.getSubcommands().get(name)), name);
            assertEquals(options(whole), options(one), name);
        }
        assertEquals(BerthCommand.SUBCOMMANDS.size(), whole.getSubcommands().size());
    }
}
