package dev.berth.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.collectors.testing.FakeHost;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

/** {@code berth stat} over fixture trees, its CSV, header repetition, and its input errors. */
class StatCommandTest {
    @TempDir
    Path dir;

    private FakeHost host(FakeHost.Layout layout) {
        FakeHost h = FakeHost.of(layout, dir);
        h.container("/berth/api").pids(109);
        return h.write();
    }

    private String[] args(FakeHost h, String... rest) {
        List<String> a = new java.util.ArrayList<>(List.of("--procfs", h.procfs().toString(), "--sysfs",
                h.sysfs().toString(), "stat"));
        a.addAll(List.of(rest));
        return a.toArray(String[]::new);
    }

    @ParameterizedTest
    @EnumSource(FakeHost.Layout.class)
    void linesWithHostAndContainerColumns(FakeHost.Layout layout) {
        FakeHost h = host(layout);
        CliRun r = CliRun.of(args(h, "-c", "api", "0.1", "3"));
        assertEquals(0, r.exit(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertEquals(5, lines.size(), r.out());
        assertTrue(lines.get(0).contains("total-cpu-usage") && lines.get(0).contains("api-cpu"), lines.get(0));
        assertTrue(lines.get(1).startsWith("usr sys idl wai stl|"), lines.get(1));
        assertEquals(lines.get(1).length(), lines.get(2).length(), "data lines align with the header");
        // The fixture's counters do not move: idle CPU is unavailable (no ticks passed), container CPU 0.
        assertTrue(lines.get(4).matches(".*\\|\\s+0\\s+0\\|.*"), lines.get(4));
    }

    @Test
    void onlyTheChosenGroups() {
        CliRun r = CliRun.of(args(host(FakeHost.Layout.V2), "--mem", "--net", "0.1", "1"));
        assertEquals(0, r.exit(), r.toString());
        assertEquals("-----memory-usage------ -net/total-", r.out().lines().toList().get(0));
        assertEquals(" used  free  buff  cach| recv  send", r.out().lines().toList().get(1));
        assertTrue(r.out().lines().toList().get(2).startsWith(" 488M  488M  9.8M  781M|"), r.out());
    }

    @Test
    void csvHasEveryRawValue() throws Exception {
        FakeHost h = host(FakeHost.Layout.HYBRID);
        Path csv = dir.resolve("out.csv");
        CliRun r = CliRun.of(args(h, "--cpu", "-c", "api", "--csv", csv.toString(), "0.1", "2"));
        assertEquals(0, r.exit(), r.toString());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(3, lines.size());
        assertTrue(lines.get(0).startsWith("time,cpu_usr_pct,") && lines.get(0).contains("api:mem_working_set_bytes"),
                lines.get(0));
        String[] cells = lines.get(1).split(",", -1);
        assertEquals(lines.get(0).split(",").length, cells.length);
        assertEquals(String.valueOf(512_000_000L), cells[6], "host used bytes (total - available), unscaled");
        assertEquals(String.valueOf(70L << 20), cells[16], "container working set, unscaled");
    }

    @Test
    void headerRepeatsEveryScreenful() {
        FakeHost h = host(FakeHost.Layout.V2);
        CommandLine cl = Main.newCommandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        ((StatCommand) cl.getSubcommands().get("stat").getCommand()).rows = 5;
        assertEquals(0, cl.execute(args(h, "--io", "0.1", "6")));
        long headers = out.toString().lines().filter(l -> l.startsWith(" read")).count();
        assertEquals(2, headers, out.toString());   // 5 rows: 2 header lines + 3 data lines per screen
    }

    @Test
    void badInputIsOneLineAndExit2() {
        FakeHost h = host(FakeHost.Layout.V2);
        CliRun interval = CliRun.of(args(h, "0"));
        assertEquals(2, interval.exit(), interval.toString());
        assertTrue(interval.errLine().contains("'0'") && interval.errLine().contains("0.1 to 86400"),
                interval.errLine());
        CliRun count = CliRun.of(args(h, "1", "-3"));
        assertEquals(2, count.exit(), count.toString());
        CliRun word = CliRun.of(args(h, "1", "x"));
        assertEquals(2, word.exit(), word.toString());
        assertTrue(word.errLine().contains("'x'") && word.errLine().contains("positive whole number"),
                word.errLine());
    }

    @Test
    void aNameOfTwoContainersIsADataError() {
        FakeHost h = FakeHost.of(FakeHost.Layout.V2, dir);
        h.container("/berth/web").pids(109);
        h.container("/lxc.payload.web").pids(110);
        h.write();
        CliRun r = CliRun.of(args(h, "-c", "web", "0.1", "1"));
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.errLine().startsWith("berth stat: 'web' names 2 containers (berth /berth/web, lxc "),
                r.errLine());
        assertEquals(0, CliRun.of(args(h, "-c", "/lxc.payload.web", "0.1", "1")).exit());
    }

    @Test
    void unknownContainerIsADataError() {
        CliRun r = CliRun.of(args(host(FakeHost.Layout.V2), "-c", "nope", "0.1", "1"));
        assertEquals(1, r.exit(), r.toString());
        assertEquals("berth stat: no container named 'nope' (see berth ps --all)", r.errLine());
    }

    /** Issue 10 defect 6: each of these was a Java stack trace and exit 70. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"missing-dir/out.csv", "a-directory", "/dev/full"})
    void anUnwritableCsvIsOneLineAndExitOne(String target) throws Exception {
        Files.createDirectories(dir.resolve("a-directory"));
        String file = target.startsWith("/") ? target : dir.resolve(target).toString();
        CliRun r = CliRun.of(args(host(FakeHost.Layout.V2), "--csv", file, "0.1", "2"));
        assertEquals(1, r.exit(), r.toString());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.errLine().startsWith("berth stat: cannot write --csv " + file + ": "), r.errLine());
        assertTrue(!r.err().contains("Exception") && !r.err().contains("\tat "), r.err());
    }

    /** Issue 10 defect 10: a name echoed in a message must not reach the terminal raw. */
    @Test
    void aContainerNameWithControlCharactersIsEscapedInTheMessage() {
        CliRun r = CliRun.of(args(host(FakeHost.Layout.V2), "-c", "x\u001b[2J\ny", "0.1", "1"));
        assertEquals(1, r.exit(), r.toString());
        assertEquals("berth stat: no container named 'x\\e[2J\\ny' (see berth ps --all)", r.err().strip());
    }

    /**
     * Issue 10: a host file that cannot be read (garbage here) is '-' in its group on every line, named once on
     * stderr, and the exit is 1 once everything else has been printed; the same tree with the file intact exits 0.
     */
    @Test
    void anUnreadableHostFileIsNamedAndExitsOneAfterPrinting() throws Exception {
        FakeHost h = host(FakeHost.Layout.V2);
        assertEquals(0, CliRun.of(args(h, "--mem", "0.1", "2")).exit());
        Path meminfo = h.procfs().resolve("meminfo");
        Files.writeString(meminfo, "not a meminfo\n");
        CliRun r = CliRun.of(args(h, "--mem", "--net", "0.1", "2"));
        assertEquals(1, r.exit(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertEquals(4, lines.size(), "both lines printed: " + r);
        assertTrue(lines.get(3).matches("\\s*-\\s+-\\s+-\\s+-\\|.*"), lines.get(3));
        assertEquals(1, r.err().lines().count(), "named once, not per line: " + r.err());
        assertTrue(r.errLine().startsWith("berth stat: warning: ") && r.errLine().contains(meminfo.toString()),
                r.errLine());
    }
}
