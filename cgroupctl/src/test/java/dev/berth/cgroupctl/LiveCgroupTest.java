package dev.berth.cgroupctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Live tests against this host's kernel (root only). Each test creates cgroups only below
 * {@code /berth-test-<pid>-<test>} in every hierarchy, moves only child processes it started (never the test JVM),
 * and removes everything in {@link #cleanUp()} even when it fails. Measured figures are printed as
 * {@code LIVE <name>: <value>} lines for the record.
 */
@Tag("privileged")
class LiveCgroupTest {
    private static final Duration T = Duration.ofSeconds(10);

    private final List<Process> started = new ArrayList<>();
    private final List<Runnable> cleanups = new ArrayList<>();
    private CgroupFs fs;
    private String parent;

    @BeforeEach
    void setUp(TestInfo info) throws CgroupException {
        assumeTrue("root".equals(System.getProperty("user.name")), "live cgroup tests need root");
        CgroupFsProbe probe = CgroupFsProber.host().probe();
        assumeTrue(probe.layout() != Layout.NONE, "no cgroup filesystem: " + probe.unusableReason().orElse(""));
        fs = CgroupFs.open(probe);
        parent = "/berth-test-" + ProcessHandle.current().pid() + "-" + info.getTestMethod().orElseThrow().getName();
        CgroupFs f = fs;
        String p = parent;
        cleanups.add(() -> removeQuietly(f, p));
    }

    @AfterEach
    void cleanUp() {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        for (int i = cleanups.size() - 1; i >= 0; i--) {
            cleanups.get(i).run();
        }
    }

    private static void removeQuietly(CgroupFs f, String path) {
        try {
            Cgroup c = f.cgroup(path);
            if (c.exists()) {
                c.killAll(Duration.ofSeconds(5));
            }
            f.remove(path);
        } catch (CgroupException | RuntimeException e) {
            System.out.println("cleanup of " + path + " failed: " + e);
        }
    }

    /** Starts {@code sh -c script} held at a {@code read}, so it can be moved before it does anything. */
    private Process spawnGated(String script) throws IOException {
        Process p = new ProcessBuilder("sh", "-c", "read go; " + script).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        started.add(p);
        return p;
    }

    private static void release(Process p) throws IOException {
        OutputStream in = p.getOutputStream();
        in.write("go\n".getBytes(StandardCharsets.US_ASCII));
        in.flush();
    }

    /** utime + stime of a process from /proc/<pid>/stat, in clock ticks. */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /**
     * Gives the test's parent cgroup the largest CPU weight. This 2-core machine is shared with other builds; the
     * tests measure quota and freezing, not fair sharing, so the busy loop must get the CPU it asks for.
     */
    private static void preferOverOtherLoad(CgroupFs f, String parentPath) throws CgroupException {
        try {
            f.cgroup(parentPath).writeCpuWeight(CpuWeight.MAX);
        } catch (ControllerUnavailableException e) {
            // No cpu controller in this hierarchy (the unified one here): run at default weight.
        }
    }

    /**
     * For tests of the unified hierarchy alone (which has no cpu controller here): put the process in a v1 cpu
     * cgroup with the largest weight first, so it gets its CPU on this shared machine. Moving it in the hybrid
     * filesystem also moves it in the unified hierarchy; the test then moves it to its unified cgroup.
     */
    private void preferInV1(long pid) throws CgroupException {
        if (fs.probe().v1Mounts().containsKey("cpu")) {
            Cgroup boost = fs.create(parent + "/boost");
            preferOverOtherLoad(fs, parent);
            boost.addProcess(pid);
        }
    }

    private static double coresOver(Cgroup c, long millis) throws Exception {
        long u0 = c.readCpuUsage().usageUsec();
        long t0 = System.nanoTime();
        Thread.sleep(millis);
        long u1 = c.readCpuUsage().usageUsec();
        long t1 = System.nanoTime();
        return (u1 - u0) / ((t1 - t0) / 1000.0);
    }

    @Test
    void busyProcessCpuRisesAndQuotaOfPointTwoCoresHoldsIt() throws Exception {
        Cgroup c = fs.create(parent + "/busy");
        preferOverOtherLoad(fs, parent);
        System.out.println("LIVE load average before the quota test: "
                + Files.readString(Path.of("/proc/loadavg")).strip());
        Process p = spawnGated("while :; do :; done");
        c.addProcess(p.pid());
        double idle = coresOver(c, 500); // still blocked in "read"
        release(p);
        double busy = coresOver(c, 1000);
        System.out.printf("LIVE cpu before/after starting the busy loop: %.3f -> %.3f cores%n", idle, busy);
        assertTrue(idle < 0.05, "blocked process used " + idle + " cores");
        // A busy loop wants 1 core; other builds share this 2-core machine, so "rises" means at least half of one.
        assertTrue(busy > 0.5, "busy loop used only " + busy + " cores");
        c.writeCpuMax(CpuMax.ofCores(0.2, 100_000));
        assertEquals(new CpuMax(Limit.of(20_000), 100_000), c.readCpuMax());
        Thread.sleep(300); // let the current period end
        double limited = coresOver(c, 4000);
        CpuThrottling th = c.readCpuThrottling();
        System.out.printf("LIVE cpu under a 0.2 quota over 4 s: %.4f cores (throttled %d of %d periods)%n",
                limited, th.throttledPeriods(), th.periods());
        System.out.println("LIVE cpu.pressure of the throttled cgroup (unified hierarchy via the hybrid API): "
                + c.readPressure(PressureResource.CPU));
        assertEquals(0.2, limited, 0.02);
        assertTrue(th.throttledPeriods() > 0, "no throttled periods: " + th);
    }

    @Test
    void memoryLimitOomKillsAndOomKillCountsIt() throws Exception {
        Cgroup c = fs.create(parent + "/oom");
        c.writeMemoryMax(Limit.of(32L << 20));
        long before = c.readMemoryEvents().oomKill();
        // tail buffers its current line, and /dev/zero has no newline: it allocates until killed.
        Process p = spawnGated("exec tail /dev/zero");
        c.addProcess(p.pid());
        release(p);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "process over the limit was not killed");
        MemoryEvents ev = c.readMemoryEvents();
        MemoryUsage mem = c.readMemory();
        System.out.printf("LIVE oom: exit status %d, oom_kill %d -> %d, limit %s, failcnt %s%n", p.exitValue(),
                before, ev.oomKill(), mem.maxBytes(), mem.failcnt());
        assertEquals(137, p.exitValue(), "expected death by SIGKILL");
        assertEquals(before + 1, ev.oomKill());
    }

    private void assertFreezeStopsAndThawResumes(CgroupFs f, Cgroup c, String label) throws Exception {
        preferOverOtherLoad(f, parent);
        Process p = spawnGated("while :; do :; done");
        if (f != fs) {
            preferInV1(p.pid());
        }
        c.addProcess(p.pid());
        release(p);
        Thread.sleep(200);
        c.freeze(T);
        assertEquals(FreezerState.FROZEN, c.readFreezerState());
        long f0 = cpuTicks(p.pid());
        Thread.sleep(1000);
        long f1 = cpuTicks(p.pid());
        c.thaw(T);
        assertEquals(FreezerState.THAWED, c.readFreezerState());
        long t0 = cpuTicks(p.pid());
        Thread.sleep(1000);
        long t1 = cpuTicks(p.pid());
        System.out.printf("LIVE freeze (%s): cpu ticks while frozen 1 s: %d, after thaw 1 s: %d%n", label,
                f1 - f0, t1 - t0);
        assertEquals(0, f1 - f0, "process ran while frozen");
        // Any progress shows it resumed; 10 ticks (0.1 s of CPU in 1 s) keeps clear of clock-tick rounding.
        assertTrue(t1 - t0 >= 10, "process did not resume: " + (t1 - t0) + " ticks");
    }

    @Test
    void freezeThroughTheV1FreezerStopsTheProcessAndThawResumesIt() throws Exception {
        assumeTrue(fs.probe().v1Mounts().containsKey("freezer"), "no v1 freezer hierarchy");
        assertFreezeStopsAndThawResumes(fs, fs.create(parent + "/freeze"), "v1 freezer.state");
    }

    /** A CgroupFs over only this host's cgroup2 hierarchy, as on a pure v2 host. */
    private CgroupFs unifiedOnly() throws CgroupException {
        CgroupFsProbe host = fs.probe();
        assumeTrue(host.unifiedMount().isPresent(), "no cgroup2 hierarchy");
        CgroupFsProbe v2 = new CgroupFsProbe(Layout.V2, Map.of(), host.unifiedMount(), host.unifiedControllers(),
                Optional.empty(), host.procfs(), host.sysfs());
        CgroupFs u = CgroupFs.open(v2);
        String p = parent;
        cleanups.add(() -> removeQuietly(u, p));
        return u;
    }

    @Test
    void freezeThroughUnifiedCgroupFreezeStopsTheProcessAndThawResumesIt() throws Exception {
        CgroupFs u = unifiedOnly();
        Cgroup c = u.create(parent + "/freeze");
        assertFreezeStopsAndThawResumes(u, c, "cgroup2 cgroup.freeze");
    }

    @Test
    void unifiedHierarchyCoreFilesReadAndKillWork() throws Exception {
        CgroupFs u = unifiedOnly();
        Cgroup c = u.create(parent + "/core");
        Process p = spawnGated("while :; do :; done");
        preferInV1(p.pid());
        c.addProcess(p.pid());
        double idle = coresOver(c, 500);
        release(p);
        double cores = coresOver(c, 1000);
        Pressure cpu = c.readPressure(PressureResource.CPU);
        System.out.printf("LIVE cgroup2 cpu.stat before/after starting a busy loop: %.3f -> %.3f cores; "
                + "cpu.pressure %s%n", idle, cores, cpu);
        assertTrue(idle < 0.05 && cores > 0.5, "cpu.stat usage did not rise: " + idle + " -> " + cores);
        assertEquals(List.of(p.pid()), c.readProcs());
        c.killAll(T);
        assertTrue(p.waitFor(5, TimeUnit.SECONDS));
        assertEquals(List.of(), c.readProcs());
        assertThrows(ControllerUnavailableException.class, c::readMemory, "unified hierarchy has no memory files here");
    }

    private void assertKillAllEmptiesForkLoop(CgroupFs f, String label) throws Exception {
        Cgroup c = f.create(parent + "/forks");
        if (f.probe().v1Mounts().containsKey("pids") || f.probe().unifiedControllers().contains("pids")) {
            c.writePidsMax(Limit.of(200)); // a fork loop must not become a fork bomb if the kill fails
        }
        Process p = spawnGated("while :; do sleep 5 & done");
        c.addProcess(p.pid());
        release(p);
        Thread.sleep(500);
        int before = c.readProcs().size();
        long t0 = System.nanoTime();
        c.killAll(T);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("LIVE kill-all (%s): %d processes before, %d after, %d ms%n", label, before,
                c.readProcs().size(), ms);
        assertTrue(before > 5, "fork loop did not fork: " + before);
        assertEquals(List.of(), c.readProcs());
        assertTrue(p.waitFor(5, TimeUnit.SECONDS));
    }

    @Test
    void killAllEmptiesAForkLoopWithCgroupKill() throws Exception {
        assertKillAllEmptiesForkLoop(fs, fs.probe().layout() + " host");
    }

    @Test
    void killAllEmptiesAForkLoopByFreezeAndSigkillWithoutCgroupKill() throws Exception {
        CgroupFsProbe host = fs.probe();
        assumeTrue(!host.v1Mounts().isEmpty(), "no v1 hierarchies");
        CgroupFsProbe v1 = new CgroupFsProbe(Layout.V1, host.v1Mounts(), Optional.empty(), Set.of(),
                Optional.empty(), host.procfs(), host.sysfs());
        CgroupFs f = CgroupFs.open(v1);
        String p = parent;
        cleanups.add(() -> removeQuietly(f, p));
        assertKillAllEmptiesForkLoop(f, "v1 freezer + SIGKILL");
    }

    @Test
    void removalLeavesNothingBehind() throws Exception {
        fs.create(parent + "/a/b/c");
        Cgroup b = fs.cgroup(parent + "/a/b");
        Process p = spawnGated("sleep 60");
        b.addProcess(p.pid());
        release(p);
        b.killAll(T);
        fs.remove(parent);
        List<Path> left = new ArrayList<>();
        for (Path m : fs.probe().v1Mounts().values()) {
            if (Files.exists(m.resolve(parent.substring(1)))) {
                left.add(m.resolve(parent.substring(1)));
            }
        }
        fs.probe().unifiedMount().filter(m -> Files.exists(m.resolve(parent.substring(1))))
                .ifPresent(m -> left.add(m.resolve(parent.substring(1))));
        System.out.println("LIVE removal: directories left after remove: " + left.size());
        assertEquals(List.of(), left);
        assertFalse(fs.listCgroups().stream().anyMatch(s -> s.startsWith(parent)));
        assertThrows(CgroupGoneException.class, () -> fs.cgroup(parent + "/a/b").readProcs());
        assertThrows(CgroupGoneException.class, () -> fs.cgroup(parent + "/a/b").readMemory());
    }

    /** The whole disk holding {@code dir} as {major, minor}, or null if it is not on a block device. */
    private static int[] diskOf(Path dir) throws IOException {
        long dev = (Long) Files.getAttribute(dir, "unix:dev");
        // glibc's gnu_dev_major/minor encoding of dev_t.
        int major = (int) (((dev >> 8) & 0xfff) | ((dev >> 32) & ~0xfffL));
        int minor = (int) ((dev & 0xff) | ((dev >> 12) & ~0xffL));
        Path sys = Path.of("/sys/dev/block/" + major + ":" + minor);
        if (major == 0 || !Files.exists(sys)) {
            return null;
        }
        if (Files.exists(sys.resolve("partition"))) {
            // Throttles apply to whole disks; a partition's parent directory in sysfs is its disk.
            String[] mm = Files.readString(sys.toRealPath().getParent().resolve("dev")).strip().split(":");
            return new int[] {Integer.parseInt(mm[0]), Integer.parseInt(mm[1])};
        }
        return new int[] {major, minor};
    }

    @Test
    void readBandwidthThrottleHoldsDirectReads() throws Exception {
        Path dir = Path.of("/var/tmp");
        int[] disk = diskOf(dir);
        assumeTrue(disk != null, "/var/tmp is not on a block device");
        Path data = Files.createTempFile(dir, "berth-io-", ".dat");
        cleanups.add(() -> data.toFile().delete());
        Files.write(data, new byte[8 << 20]);
        Cgroup c = fs.create(parent + "/io");
        IoLimit limit = new IoLimit(disk[0], disk[1], IoLimit.Kind.READ_BPS, Limit.of(4L << 20));
        c.writeIoLimit(limit);
        assertEquals(List.of(limit), c.readIoLimits());
        Process p = spawnGated("exec dd if=" + data + " of=/dev/null bs=1M iflag=direct");
        c.addProcess(p.pid());
        long t0 = System.nanoTime();
        release(p);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "dd did not finish");
        double seconds = (System.nanoTime() - t0) / 1e9;
        IoDeviceStat st = c.readIoStat().devices().stream()
                .filter(d -> d.major() == disk[0] && d.minor() == disk[1]).findFirst().orElseThrow();
        double mibPerSec = 8 / seconds;
        System.out.printf("LIVE io: 8 MiB direct read under rbps=4 MiB/s on %d:%d took %.2f s = %.2f MiB/s; "
                + "io stat read %d bytes in %d ops%n", disk[0], disk[1], seconds, mibPerSec, st.readBytes(),
                st.readOps());
        assertEquals(0, p.exitValue());
        assertTrue(st.readBytes() >= 8L << 20, st.toString());
        assertTrue(mibPerSec > 2.5 && mibPerSec < 4.5, "read at " + mibPerSec + " MiB/s under a 4 MiB/s throttle");
    }

    @Test
    void probesThisHost() {
        CgroupFsProbe p = fs.probe();
        System.out.println("LIVE probe: layout " + p.layout() + ", v1 " + p.v1Mounts().keySet() + ", unified "
                + p.unifiedMount().map(Path::toString).orElse("-") + ", unified controllers "
                + p.unifiedControllers() + ", reason " + p.unusableReason().orElse("-"));
        assertTrue(p.unusableReason().isEmpty(), p.unusableReason().orElse(""));
    }

    @Test
    void failedChangeLeavesEveryLimitAsItWas() throws Exception {
        Cgroup c = fs.create(parent + "/rollback");
        Process p = spawnGated("x=$(head -c 40000000 /dev/zero | tr '\\0' a); echo ready; read y");
        c.addProcess(p.pid());
        release(p);
        long usage = 0;
        for (int i = 0; i < 100 && usage < (40L << 20); i++) {
            Thread.sleep(50);
            usage = c.readMemory().usageBytes();
        }
        assumeTrue(c.readMemory().swapMaxBytes().isEmpty() || Files.readString(Path.of("/proc/swaps")).lines()
                .count() <= 1, "needs a host without swap, so usage cannot be reclaimed");
        CpuMax cpu0 = c.readCpuMax();
        CpuWeight w0 = c.readCpuWeight();
        PidsUsage pids0 = c.readPids();
        MemoryUsage mem0 = c.readMemory();
        Resources change = Resources.none().withCpuMax(CpuMax.ofCores(0.5, 100_000)).withCpuWeight(50)
                .withPidsMax(Limit.of(64)).withMemoryMax(Limit.of(1L << 20));
        CgroupException e = assertThrows(CgroupException.class, () -> c.apply(change));
        System.out.println("LIVE failed change (usage " + usage + " bytes, memory max 1 MiB): " + e.getMessage());
        assertTrue(e instanceof CgroupWriteException, e.toString());
        assertTrue(e.getMessage().contains("1048576"), e.getMessage());
        assertEquals(cpu0, c.readCpuMax());
        assertEquals(w0, c.readCpuWeight());
        assertEquals(pids0.max(), c.readPids().max());
        assertEquals(mem0.maxBytes(), c.readMemory().maxBytes());
        assertEquals(mem0.swapMaxBytes(), c.readMemory().swapMaxBytes());
    }
}
