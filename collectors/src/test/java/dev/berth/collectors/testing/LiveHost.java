package dev.berth.collectors.testing;

import dev.berth.cgroupctl.Cgroup;
import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.CgroupFsProber;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test support for the privileged (live-kernel) tests: one test-named parent cgroup
 * ({@code /berth-test-<name>-<pid>}), helper processes started by the test and moved into child cgroups before
 * they do anything, and cleanup that kills exactly those processes and removes exactly that parent. Use in
 * try-with-resources. Not thread-safe.
 */
public final class LiveHost implements AutoCloseable {
    private final CgroupFs fs;
    private final String parent;
    private final List<Process> started = new ArrayList<>();

    /** Opens the host's cgroup filesystem and creates the parent cgroup. */
    public LiveHost(String testName) throws CgroupException {
        this.fs = CgroupFs.open(new CgroupFsProber(Path.of("/proc"), Path.of("/sys")).probe());
        this.parent = "/berth-test-" + testName + "-" + ProcessHandle.current().pid();
        fs.create(parent);
    }

    public CgroupFs fs() {
        return fs;
    }

    /** Creates {@code <parent>/<name>} and returns it. */
    public Cgroup child(String name) throws CgroupException {
        return fs.create(parent + "/" + name);
    }

    /**
     * Starts {@code command}, which must wait for one line on stdin before doing its work; moves it into
     * {@code cg}; then sends the line. Everything it does is charged to {@code cg}.
     */
    public Process startIn(Cgroup cg, String... command) throws IOException, CgroupException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        started.add(p);
        cg.addProcess(p.pid());
        p.getOutputStream().write("go\n".getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().flush();
        return p;
    }

    /** Reads lines of {@code p}'s output until one equals {@code line}; fails after {@code timeout}. */
    public static void await(Process p, String line, Duration timeout) throws IOException, InterruptedException {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            String l = r.readLine();
            if (l == null) {
                throw new IOException("helper exited before printing \"" + line + "\" (exit " + p.waitFor() + ")");
            }
            if (l.equals(line)) {
                return;
            }
        }
        throw new IOException("helper did not print \"" + line + "\" within " + timeout);
    }

    /** Runs a command to completion and returns its output; fails on a non-zero exit. */
    public static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + ": timed out");
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + ": exit " + p.exitValue() + ": " + out.strip());
        }
        return out;
    }

    /** True when {@code tool} is on the PATH. */
    public static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** The parent cgroup's path. */
    public String parent() {
        return parent;
    }

    /** Kills the processes this object started (and their descendants), then removes the parent cgroup. */
    @Override
    public void close() throws Exception {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        fs.remove(parent);
    }
}
