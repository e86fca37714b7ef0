package dev.berth.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.cgroupctl.testing.FakeCgroupTree;
import dev.berth.history.store.StoreLock;
import dev.berth.history.store.StoreOptions;
import dev.berth.history.store.StoreWriter;
import dev.berth.history.testing.Frames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code berth record} refusals and {@code berth history} on a recorded store, in-process. */
class HistoryCommandTest {
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    @TempDir
    Path tmp;

    private Path knownStore() throws Exception {
        Path store = tmp.resolve("store");
        try (StoreWriter w = new StoreWriter(store, StoreOptions.DEFAULT)) {
            for (int k = 0; k <= 6; k++) {
                Instant at = T0.plusSeconds(10L * k);
                // web uses 2 s of CPU per 10 s (20 %), db 5 s (50 %) until it disappears after 10:00:30.
                w.append(k <= 3 ? Frames.frame(at, ZoneOffset.UTC, Frames.container(at, "db", 5_000_000L * k, 7 << 20),
                        Frames.container(at, "web", 2_000_000L * k, 3 << 20))
                        : Frames.frame(at, ZoneOffset.UTC, Frames.container(at, "web", 2_000_000L * k, 3 << 20)));
            }
        }
        return store;
    }

    private Map<String, String> env(Path store) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("TZ", "UTC");
        env.put("BERTH_HISTORY_STORE", store.toString());
        return env;
    }

    @Test
    void historyPrintsTsarRowsAndTheSummary() throws Exception {
        Path store = knownStore();
        CliRun r = CliRun.of("history", "--store", store.toString(), "--from", "2026-11-30T10:00:00Z", "--to",
                "2026-11-30T10:01:00Z", "--interval", "10s", "--cpu", "-c", "web", "-c", "db");
        assertEquals(0, r.exit(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("Time"), lines.get(0));
        assertTrue(lines.get(1).contains("util") && lines.get(1).contains("cpu"), lines.get(1));
        String row2 = lines.get(3);   // 10:00:10: web 20 %, db 50 %
        assertTrue(row2.matches("10:00:10(\\s+-){4}\\s+20\\.0\\s+-\\s+50\\.0\\s+-"), row2);
        String max = lines.stream().filter(l -> l.startsWith("MAX")).findFirst().orElseThrow();
        assertTrue(max.matches("MAX(\\s+-){4}\\s+20\\.0\\s+-\\s+50\\.0\\s+-"), max);
    }

    @Test
    void topRanksContainersIncludingOnesThatNoLongerExist() throws Exception {
        Path store = knownStore();
        CliRun r = CliRun.of("history", "--store", store.toString(), "--from", "2026-11-30T10:00:00Z", "--to",
                "2026-11-30T11:00:00Z", "--top", "cpu", "-n", "2");
        assertEquals(0, r.exit(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(1).matches("\\s+1\\s+50\\.0\\s+db\\s+berth\\s+/berth/db"), lines.get(1));
        assertTrue(lines.get(2).matches("\\s+2\\s+20\\.0\\s+web\\s+berth\\s+/berth/web"), lines.get(2));
    }

    @Test
    void aPeriodWithoutSamplesSaysSoAndSucceeds() throws Exception {
        Path store = knownStore();
        CliRun r = CliRun.withEnv(env(store), "history", "--date", "2026-11-29");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().strip().startsWith("no samples between 2026-11-29T00:00"), r.out());
    }

    @Test
    void badInputIsOneLine() throws Exception {
        Path store = knownStore();
        CliRun r = CliRun.of("history", "--store", store.toString(), "--from", "yesterday-ish");
        assertEquals(2, r.exit());
        assertTrue(r.errLine().startsWith("berth history: invalid value 'yesterday-ish': expected an ISO-8601"),
                r.errLine());
        r = CliRun.of("history", "--store", store.toString(), "--top", "disk");
        assertEquals(2, r.exit());
        assertEquals("berth history: invalid --top 'disk': expected cpu, mem, io or net", r.errLine());
        r = CliRun.of("history", "--store", tmp.resolve("none").toString());
        assertEquals(1, r.exit());
        assertTrue(r.errLine().startsWith("berth history: no history store at "), r.errLine());
        r = CliRun.of("history", "--store", store.toString(), "--date", "2026-11-30", "--last", "2h");
        assertEquals(2, r.exit(), r.toString());
    }

    @Test
    void recordRefusesAStoreThatIsAFileOrHeldByAnotherRecorder() throws Exception {
        Path file = Files.writeString(tmp.resolve("plain"), "x");
        CliRun r = CliRun.of("record", "--store", file.toString());
        assertEquals(1, r.exit(), r.toString());
        assertEquals("berth record: store " + file + " is not a directory", r.errLine());
        Path store = Files.createDirectories(tmp.resolve("held"));
        try (StoreLock held = StoreLock.acquire(store)) {
            r = CliRun.of("record", "--store", store.toString());
            assertEquals(1, r.exit(), r.toString());
            assertEquals("berth record: store " + store + " is in use by another berth record (pid "
                    + ProcessHandle.current().pid() + ")", r.errLine());
        }
        r = CliRun.of("record", "--store", store.toString(), "--interval", "2ms");
        assertEquals(2, r.exit());
        assertEquals("berth record: invalid --interval 2ms: expected 10ms to 1h", r.errLine());
    }

    @Test
    void aSetAppearsInHistoryEvents() throws Exception {
        FakeCgroupTree tree = FakeCgroupTree.v2(tmp.resolve("host"));
        long self = ProcessHandle.current().pid();
        tree.proc(self, "0::/user.slice/session-1.scope\n");
        tree.unified("/user.slice/session-1.scope").file("cgroup.procs", self + "\n");
        Files.createDirectories(tree.sysfs().resolve("devices/system/cpu"));
        Files.writeString(tree.sysfs().resolve("devices/system/cpu/online"), "0-1\n");
        tree.unified("/system.slice/app.service").file("cgroup.procs", "").file("cpu.max", "max 100000\n")
                .file("pids.max", "max\n").file("memory.current", "1048576\n")
                .file("memory.stat", "anon 1048576\ninactive_file 0\n").file("memory.max", "max\n")
                .file("memory.high", "max\n");
        Path store = Files.createDirectories(tmp.resolve("store"));
        CliRun set = CliRun.withEnv(env(store), "--procfs", tree.procfs().toString(), "--sysfs",
                tree.sysfs().toString(), "set", "/system.slice/app.service", "--memory", "256M",
                "--state-dir", tmp.resolve("state").toString());
        assertEquals(0, set.exit(), set.toString());
        CliRun events = CliRun.withEnv(env(store), "history", "--events", "--last", "1h");
        assertEquals(0, events.exit(), events.toString());
        String line = events.out().strip();
        assertTrue(line.matches("\\d\\d:\\d\\d:\\d\\d  set /system\\.slice/app\\.service memory max -> 256M"
                + "  by uid \\d+ \\(cli\\)  ok"), line);
    }
}
