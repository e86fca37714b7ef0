package dev.berth.tui.cli;

import dev.berth.cgroupctl.Cgroup;
import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.CgroupFsProber;
import dev.berth.cgroupctl.Layout;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * A cgroup the test creates under a test-named parent ({@code /berth-test-ctl-<pid>-<n>}, in every
 * hierarchy) holding processes the test starts: a container berth did not start. {@link #close}
 * kills whatever is left in it and removes it from every hierarchy, also when the test failed.
 */
final class LiveCgroup implements AutoCloseable {
    private static final AtomicInteger SEQ = new AtomicInteger();
    final CgroupFs fs;
    final String path;
    final Cgroup cgroup;
    private final List<Process> started = new ArrayList<>();

    private LiveCgroup(CgroupFs fs, String path) throws CgroupException {
        this.fs = fs;
        this.path = path;
        this.cgroup = fs.cgroup(path);
        fs.create(path);
    }

    /** Skips the test (with the reason) unless root on a host with a usable cgroup filesystem. */
    static CgroupFs hostCgroupFs() {
        Assumptions.assumeTrue(isRoot(), "needs root to create cgroups");
        var probe = CgroupFsProber.host().probe();
        Assumptions.assumeTrue(probe.layout() != Layout.NONE,
                "no usable cgroup filesystem: " + probe.unusableReason().orElse("?"));
        try {
            return CgroupFs.open(probe);
        } catch (CgroupException e) {
            Assumptions.abort("cannot open the cgroup filesystem: " + e.getMessage());
            throw new AssertionError(e);
        }
    }

    static boolean isRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .anyMatch(l -> l.matches("Uid:\\s+0\\s.*"));
        } catch (IOException e) {
            return false;
        }
    }

    static LiveCgroup create(CgroupFs fs) throws CgroupException {
        return new LiveCgroup(fs, "/berth-test-ctl-" + ProcessHandle.current().pid() + "-" + SEQ.incrementAndGet());
    }

    /**
     * Starts {@code sh -c script} blocked on its stdin, moves it into the cgroup, then lets it
     * go: whatever it allocates is charged to this cgroup (v1 does not move charges with a process).
     */
    Process start(String script) throws IOException, CgroupException {
        Process p = new ProcessBuilder("sh", "-c", "read go; " + script).redirectErrorStream(true).start();
        started.add(p);
        cgroup.addProcess(p.pid());
        OutputStream in = p.getOutputStream();
        in.write("go\n".getBytes(StandardCharsets.US_ASCII));
        in.flush();
        return p;
    }

    /** A process that burns CPU until killed. */
    Process startBusy() throws IOException, CgroupException {
        return start("while :; do :; done");
    }

    /** Waits until the process printed {@code line} (e.g. "ready"). */
    static void awaitLine(Process p, String line) throws IOException {
        var reader = p.inputReader();
        String l;
        while ((l = reader.readLine()) != null) {
            if (l.strip().equals(line)) {
                return;
            }
        }
        throw new IOException("process " + p.pid() + " ended before printing " + line);
    }

    /** utime + stime of a process, in clock ticks, from {@code /proc/<pid>/stat}. */
    static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    @Override
    public void close() throws Exception {
        try {
            if (cgroup.exists()) {
                cgroup.thaw(Duration.ofSeconds(5));
                cgroup.killAll(Duration.ofSeconds(10));
            }
        } finally {
            for (Process p : started) {
                p.destroyForcibly();
                p.waitFor();
            }
            fs.remove(path);
        }
    }
}
