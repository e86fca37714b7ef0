package dev.berth.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.cgroupctl.Cgroup;
import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.CgroupFsProber;
import dev.berth.collectors.Collector;
import dev.berth.collectors.ContainerModel;
import dev.berth.collectors.Snapshot;
import dev.berth.collectors.TickOptions;
import dev.berth.tui.ConsoleApp;
import dev.berth.tui.action.RefusingActions;
import dev.berth.tui.sample.CollectorSource;
import dev.berth.tui.sample.SampleRequest;
import dev.berth.tui.sample.SnapshotSource;
import dev.berth.tui.sample.SystemFacts;
import dev.berth.tui.view.ContainerRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The churn suite (issue 10): a driver creates and destroys populated cgroups below the test's own
 * parent ({@code /berth-test-churn-<pid>}), a sleeper moved into each, every tenth frozen while the
 * readers read it, eight alive at a time; meanwhile the console runs on a virtual terminal with every cgroup
 * ({@code -a}) at a 0.2 s interval, a collector ticks every 0.2 s, and {@code ps --all --json} and
 * {@code stat 0.2} run back to back in-process. Wanted: 0 errors (thrown, non-zero exits, tick and console
 * warnings, a console that does not quit with 0 on {@code q}), 0 garbage rows (a row under the parent that is
 * not one of the driver's cgroups, or with a negative figure; JSON that does not parse), and a collector heap
 * that stays flat: live heap after a full GC at the end at most {@link #HEAP_BOUND_BYTES} above the start.
 *
 * <p>Cgroups per run: {@code -Dberth.churn=N} (default 5000, about a minute here).
 */
@Tag("privileged")
class ChurnPrivilegedTest {
    /** The stated bound on heap growth over the run. */
    static final long HEAP_BOUND_BYTES = 16L << 20;

    @Test
    void collectorsPsAndStatSurviveCgroupChurnWithoutErrorsOrGarbage() throws Exception {
        assumeTrue(Files.readString(Path.of("/proc/self/status")).lines().anyMatch(l -> l.matches("Uid:\\s+0\\s.*")),
                "needs root (creates cgroups)");
        int total = Integer.getInteger("berth.churn", 5000);
        CgroupFs fs = CgroupFs.open(CgroupFsProber.host().probe());
        String parent = "/berth-test-churn-" + ProcessHandle.current().pid();
        Pattern mine = Pattern.compile(Pattern.quote(parent) + "(/c\\d+)?");
        List<Process> sleepers = new ArrayList<>();
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong ticks = new AtomicLong();
        AtomicLong psRuns = new AtomicLong();
        AtomicLong statLines = new AtomicLong();
        AtomicLong consoleSamples = new AtomicLong();
        DefaultVirtualTerminal term = new DefaultVirtualTerminal(new TerminalSize(120, 40));
        CompletableFuture<Integer> console = null;
        Collector collector = Collector.forHost(Path.of("/proc"), Path.of("/sys"), Path.of("/"), InstantSource.system());
        List<Thread> readers = new ArrayList<>();
        try {
            Cgroup top = fs.create(parent);
            for (int i = 0; i < 8; i++) {
                Process p = new ProcessBuilder("sleep", "600").start();
                sleepers.add(p);
                top.addProcess(p.pid());
            }
            readers.add(new Thread(() -> {
                while (!done.get()) {
                    try {
                        Snapshot s = collector.tick(new TickOptions(true, false, Set.of()));
                        ticks.incrementAndGet();
                        s.warnings().forEach(w -> errors.add("tick warning: " + w));
                        for (ContainerModel c : s.containers()) {
                            if (c.identity().cgroup().startsWith(parent) && !garbageFree(c, mine)) {
                                errors.add("garbage row: " + c);
                            }
                        }
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    } catch (RuntimeException e) {
                        errors.add("tick threw " + e);
                    }
                }
            }, "churn-sampler"));
            readers.add(new Thread(() -> {
                ObjectMapper json = new ObjectMapper();
                while (!done.get()) {
                    CliRun r = CliRun.of("ps", "--all", "--json");
                    psRuns.incrementAndGet();
                    if (r.exit() != 0) {
                        errors.add("ps: " + r);
                        continue;
                    }
                    try {
                        for (JsonNode row : json.readTree(r.out())) {
                            String cg = row.path("cgroup").asText();
                            if (cg.startsWith(parent) && !mine.matcher(cg).matches()) {
                                errors.add("ps garbage row: " + row);
                            }
                        }
                    } catch (Exception e) {
                        errors.add("ps printed unparsable JSON: " + e);
                    }
                }
            }, "churn-ps"));
            readers.add(new Thread(() -> {
                while (!done.get()) {
                    CliRun r = CliRun.of("stat", "0.2", "10");
                    if (r.exit() != 0 || !r.err().isEmpty()) {
                        errors.add("stat: " + r);
                        continue;
                    }
                    List<String> lines = r.out().lines().toList();
                    long bars = lines.get(1).chars().filter(ch -> ch == '|').count();
                    for (String l : lines.subList(2, lines.size())) {
                        statLines.incrementAndGet();
                        if (l.chars().filter(ch -> ch == '|').count() != bars) {
                            errors.add("stat garbage line: " + l);
                        }
                    }
                }
            }, "churn-stat"));
            readers.forEach(Thread::start);
            ConsoleApp app = new ConsoleApp(term, watched(parent, mine, errors, consoleSamples),
                    new RefusingActions("not in this test"),
                    new ConsoleApp.Options(Duration.ofMillis(200), false, false, false, true), InstantSource.system());
            console = CompletableFuture.supplyAsync(() -> {
                try {
                    return app.run();
                } catch (Exception e) {
                    errors.add("console threw " + e);
                    return -1;
                }
            });
            Thread.sleep(2000); // warm up: classes loaded, caches filled
            long heapBefore = liveHeap();

            Deque<String> alive = new ArrayDeque<>();
            for (int i = 0; i < total; i++) {
                String path = parent + "/c" + i;
                Cgroup c = fs.create(path);
                c.addProcess(sleepers.get(i % sleepers.size()).pid());
                if (i % 10 == 0) {
                    c.freeze(Duration.ofSeconds(10));
                }
                alive.addLast(path);
                if (alive.size() >= 8) {
                    String old = alive.removeFirst();
                    Cgroup o = fs.cgroup(old);
                    o.thaw(Duration.ofSeconds(10));
                    for (long pid : o.readProcs()) {
                        top.addProcess(pid);
                    }
                    fs.remove(old);
                }
            }
            while (!alive.isEmpty()) {
                Cgroup o = fs.cgroup(alive.removeFirst());
                o.thaw(Duration.ofSeconds(10));
                for (long pid : o.readProcs()) {
                    top.addProcess(pid);
                }
                fs.remove(o.path());
            }
            done.set(true);
            for (Thread t : readers) {
                t.join(60_000);
            }
            term.addInput(new KeyStroke('q', false, false));
            assertEquals(0, console.get(60, TimeUnit.SECONDS), "the console quits with 0 on q");
            long heapAfter = liveHeap();
            System.out.println("churn: " + total + " populated cgroups created and removed (" + total / 10
                    + " frozen), " + ticks.get() + " collector ticks, " + psRuns.get() + " ps --json runs, "
                    + statLines.get() + " stat lines, " + consoleSamples.get() + " console samples, " + errors.size()
                    + " errors, live heap "
                    + (heapBefore >> 20) + " MiB -> " + (heapAfter >> 20) + " MiB");
            assertEquals(List.of(), errors.subList(0, Math.min(20, errors.size())));
            assertTrue(ticks.get() > 0 && psRuns.get() > 0 && statLines.get() > 0 && consoleSamples.get() > 0,
                    "every reader ran");
            assertTrue(heapAfter - heapBefore <= HEAP_BOUND_BYTES, "live heap grew by "
                    + ((heapAfter - heapBefore) >> 20) + " MiB");
        } finally {
            done.set(true);
            if (console != null && !console.isDone()) {
                term.addInput(new KeyStroke('q', false, false));
                try {
                    console.get(60, TimeUnit.SECONDS);
                } catch (Exception e) {
                    // the test has failed already; the cleanup below must still run
                    System.out.println("cleanup: the console did not quit: " + e);
                }
            }
            for (Thread t : readers) {
                t.interrupt();
                t.join(60_000);
            }
            for (Process p : sleepers) {
                p.destroyForcibly();
                p.waitFor();
            }
            // only the parent's own directories: a walk of the whole tree meets other tests' cgroups coming and going
            java.util.TreeSet<String> found = new java.util.TreeSet<>();
            try (Stream<Path> hierarchies = Files.list(Path.of("/sys/fs/cgroup"))) {
                for (Path h : hierarchies.toList()) {
                    Path top = h.resolve(parent.substring(1));
                    if (Files.isDirectory(top)) {
                        try (Stream<Path> w = Files.walk(top)) {
                            w.filter(Files::isDirectory).forEach(d -> found.add("/" + h.relativize(d)));
                        }
                    }
                }
            }
            List<String> left = found.stream().sorted(Comparator.comparing(String::length).reversed()).toList();
            for (String p : left) {
                fs.cgroup(p).thaw(Duration.ofSeconds(10));
                fs.remove(p);
            }
        }
    }

    /**
     * The console's own source (its collector, with every cgroup), watched: each sample's warnings and rows under
     * the parent that are not the driver's are errors, as is a sample that throws.
     */
    private static SnapshotSource watched(String parent, Pattern mine, List<String> errors, AtomicLong samples)
            throws dev.berth.cgroupctl.CgroupException {
        CollectorSource real = new CollectorSource(
                Collector.forHost(Path.of("/proc"), Path.of("/sys"), Path.of("/"), InstantSource.system()),
                new SystemFacts(Path.of("/proc"), InstantSource.system()), cgroup -> {
                    throw new IllegalStateException("limits looked up for " + cgroup + ": no detail view is open");
                });
        return new SnapshotSource() {
            @Override
            public dev.berth.tui.view.Snapshot sample(SampleRequest request) throws Exception {
                try {
                    dev.berth.tui.view.Snapshot s = real.sample(request);
                    samples.incrementAndGet();
                    s.warnings().forEach(w -> errors.add("console warning: " + w));
                    for (ContainerRow row : s.containers()) {
                        if (row.cgroupPath().startsWith(parent) && !mine.matcher(row.cgroupPath()).matches()) {
                            errors.add("console garbage row: " + row);
                        }
                    }
                    return s;
                } catch (Exception e) {
                    errors.add("console sample threw " + e);
                    throw e;
                }
            }

            @Override
            public void close() {
                real.close();
            }
        };
    }

    private static boolean garbageFree(ContainerModel c, Pattern mine) {
        if (!mine.matcher(c.identity().cgroup()).matches()) {
            return false;
        }
        boolean negative = c.cpu().percent().orElse(0) < 0 || c.cpu().usageSeconds().orElse(0) < 0
                || c.memory().usageBytes().orElse(0) < 0 || c.memory().workingSetBytes().orElse(0) < 0
                || c.pids().current().orElse(0) < 0;
        return !negative;
    }

    private static long liveHeap() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
