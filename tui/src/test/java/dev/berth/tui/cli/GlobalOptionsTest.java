package dev.berth.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.collectors.testing.FakeHost;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every option {@code berth --help} shows applies to every subcommand in either position, or is refused (issue 8):
 * {@code --cgroup-parent} before or after {@code ps}; the console's options before another subcommand are refused.
 * (The runtime's {@code --state-dir} before {@code run -d} is in {@link OwnContainerControlTest}: it needs root.)
 */
class GlobalOptionsTest {
    @TempDir
    Path dir;

    FakeHost host() {
        FakeHost h = FakeHost.of(FakeHost.Layout.V2, dir);
        h.container("/custom/api").pids(109);
        return h.write();
    }

    CliRun berth(FakeHost h, String... args) {
        List<String> a = new ArrayList<>(List.of("--procfs", h.procfs().toString(), "--sysfs", h.sysfs().toString()));
        a.addAll(List.of(args));
        return CliRun.of(a.toArray(String[]::new));
    }

    @Test
    void theCgroupParentAppliesToPsInEitherPosition() {
        FakeHost h = host();
        CliRun before = berth(h, "--cgroup-parent", "custom", "ps");
        CliRun after = berth(h, "ps", "--cgroup-parent", "custom");
        assertEquals(0, before.exit(), before.toString());
        assertTrue(before.out().lines().anyMatch(l -> l.matches("api\\s+-\\s+berth\\s+running.*")), before.out());
        assertEquals(before.out().lines().map(l -> l.split("\\s+")[2]).toList(),
                after.out().lines().map(l -> l.split("\\s+")[2]).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--interval=1", "--no-color", "--ascii", "--no-mouse", "-a"})
    void consoleOptionsBeforeAnotherSubcommandAreRefused(String option) {
        FakeHost h = host();
        CliRun r = berth(h, option, "ps");
        assertEquals(2, r.exit(), r.toString());
        String name = option.startsWith("--interval") ? "--interval" : option.equals("-a") ? "--all" : option;
        // ps has an --interval and an --all of its own: the hint says where they go
        String hint = name.equals("--all") || name.equals("--interval")
                ? "give it after the subcommand: 'berth ps " + name + " ...'"
                : "give it as 'berth " + name + " ...' or 'berth console " + name + " ...'";
        assertEquals("berth: option '" + name + "' before 'ps' applies to the console only: " + hint, r.errLine());
    }

    @Test
    void theConsolesStoreBeforeHistoryIsRefusedWithWhereHistoryTakesIt(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path store) {
        FakeHost h = host();
        CliRun r = berth(h, "--store", store.toString(), "history");
        assertEquals(2, r.exit(), r.toString());
        assertEquals("berth: option '--store' before 'history' applies to the console only: give it after the "
                + "subcommand: 'berth history --store ...'", r.errLine());
    }
}
