package dev.berth.cgroupctl;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * Shared set-up of the live tests (root only). Each test creates cgroups only below
 * {@code /berth-test-<pid>-<test>} in every hierarchy, moves only child processes it started (never the test JVM),
 * and removes everything in {@link #cleanUp()} even when it fails. Measured figures are printed as
 * {@code LIVE <name>: <value>} lines for the record.
 */
abstract class LiveCgroupSupport {
    static final Duration T = Duration.ofSeconds(10);

    final List<Process> started = new ArrayList<>();
    final List<Runnable> cleanups = new ArrayList<>();
    CgroupFs fs;
    String parent;

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

    static void removeQuietly(CgroupFs f, String path) {
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
    Process spawnGated(String script) throws IOException {
        Process p = new ProcessBuilder("sh", "-c", "read go; " + script).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        started.add(p);
        return p;
    }

    /**
     * Waits until a gated process has started and blocks in its {@code read} (its CPU time stops growing), so that
     * an "idle" measurement does not count the shell's own start-up, which takes a while on a slow (emulated) CPU.
     */
    static void awaitBlocked(Process p) throws Exception {
        long last = -1;
        for (int i = 0; i < 100; i++) {
            long now = cpuTicks(p.pid());
            if (now == last) {
                return;
            }
            last = now;
            Thread.sleep(100);
        }
    }

    static void release(Process p) throws IOException {
        OutputStream in = p.getOutputStream();
        in.write("go\n".getBytes(StandardCharsets.US_ASCII));
        in.flush();
    }

    /** utime + stime of a process from /proc/<pid>/stat, in clock ticks. */
    static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /**
     * Gives the test's parent cgroup the largest CPU weight. This 2-core machine is shared with other builds; the
     * tests measure quota and freezing, not fair sharing, so the busy loop must get the CPU it asks for.
     */
    static void preferOverOtherLoad(CgroupFs f, String parentPath) throws CgroupException {
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
    void preferInV1(long pid) throws CgroupException {
        if (fs.probe().v1Mounts().containsKey("cpu")) {
            Cgroup boost = fs.create(parent + "/boost");
            preferOverOtherLoad(fs, parent);
            boost.addProcess(pid);
        }
    }

    static double coresOver(Cgroup c, long millis) throws Exception {
        long u0 = c.readCpuUsage().usageUsec();
        long t0 = System.nanoTime();
        Thread.sleep(millis);
        long u1 = c.readCpuUsage().usageUsec();
        long t1 = System.nanoTime();
        return (u1 - u0) / ((t1 - t0) / 1000.0);
    }


    CgroupFs unifiedOnly() throws CgroupException {
        CgroupFsProbe host = fs.probe();
        assumeTrue(host.unifiedMount().isPresent(), "no cgroup2 hierarchy");
        CgroupFsProbe v2 = new CgroupFsProbe(Layout.V2, Map.of(), host.unifiedMount(), host.unifiedControllers(),
                Optional.empty(), host.procfs(), host.sysfs());
        CgroupFs u = CgroupFs.open(v2);
        String p = parent;
        cleanups.add(() -> removeQuietly(u, p));
        return u;
    }

}
