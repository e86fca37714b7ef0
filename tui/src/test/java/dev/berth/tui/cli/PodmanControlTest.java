package dev.berth.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.cgroupctl.Cgroup;
import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.CpuMax;
import dev.berth.cgroupctl.FreezerState;
import dev.berth.cgroupctl.Limit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * freeze, thaw, set and kill through berth on a podman container, found by its podman name. The
 * image is made offline: a busybox-static rootfs, tarred and {@code podman import}ed.
 *
 * <p>Podman runs with {@code --runtime runc}: crun refuses hybrid hosts whose unified hierarchy
 * has a controller (this CI host's has hugetlb). The ulimits are lowered because the sandboxed
 * CI host's hard limits are below podman's defaults, and setrlimit would fail with EPERM.
 */
@Tag("privileged")
class PodmanControlTest {
    static final String TAG = "berth-test-" + ProcessHandle.current().pid();
    static final String IMAGE = "localhost/" + TAG + "-busybox";
    static final String NAME = TAG + "-podman";
    static boolean imported;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void importImage() throws Exception {
        Assumptions.assumeTrue(LiveCgroup.isRoot(), "needs root to run podman containers");
        Path podman = Path.of("/usr/bin/podman");
        Path busybox = Path.of("/bin/busybox");
        Assumptions.assumeTrue(Files.isExecutable(podman), "podman is not installed");
        Assumptions.assumeTrue(Files.isExecutable(busybox), "busybox-static is not installed");
        Path root = Files.createDirectories(tmp.resolve("rootfs/bin"));
        Files.copy(busybox, root.resolve("busybox"));
        for (String applet : List.of("sh", "sleep")) {
            Files.createSymbolicLink(root.resolve(applet), Path.of("busybox"));
        }
        Exec tar = Exec.run(List.of("sh", "-c", "tar -C '" + tmp.resolve("rootfs") + "' -c . | podman import - "
                + IMAGE));
        Assumptions.assumeTrue(tar.exit() == 0, "podman import failed: " + tar.output());
        imported = true;
    }

    @AfterAll
    static void removeImage() throws Exception {
        Exec.run(List.of("podman", "rm", "-f", "-t", "0", NAME));
        if (imported) {
            Exec.run(List.of("podman", "rmi", "-f", IMAGE));
        }
    }

    @Test
    void freezeThawSetAndKillAPodmanContainerByName() throws Exception {
        CgroupFs fs = LiveCgroup.hostCgroupFs();
        try {
            Exec run = Exec.run(List.of("podman", "--runtime", "runc", "run", "-d", "--network", "none",
                    "--ulimit", "nofile=1024:1024", "--ulimit", "nproc=1024:1024", "--name", NAME, IMAGE,
                    "/bin/sh", "-c", "while :; do :; done"));
            Assumptions.assumeTrue(run.exit() == 0, "podman cannot run a container here: " + run.output());
            long pid = Long.parseLong(Exec.run(List.of("podman", "inspect", "-f", "{{.State.Pid}}", NAME)).output().strip());
            String path = fs.readProcCgroup(pid).primaryPath();
            assertTrue(path.contains("libpod-"), "podman's cgroup: " + path);
            Cgroup cg = fs.cgroup(path);

            CliRun r = CliRun.of("freeze", NAME);
            assertEquals(0, r.exit(), r.toString());
            assertEquals(FreezerState.FROZEN, cg.readFreezerState());
            long t0 = LiveCgroup.cpuTicks(pid);
            Thread.sleep(300);
            assertEquals(t0, LiveCgroup.cpuTicks(pid), "frozen");

            r = CliRun.of("set", NAME, "--cpus", "0.25", "--memory", "32M", "--pids-limit", "64");
            assertEquals(0, r.exit(), r.toString());
            assertEquals(new CpuMax(Limit.of(25_000), 100_000), cg.readCpuMax());
            assertEquals(Limit.of(32L << 20), cg.readMemory().maxBytes());
            assertEquals(Limit.of(64), cg.readPids().max());

            r = CliRun.of("thaw", NAME);
            assertEquals(0, r.exit(), r.toString());
            assertEquals(FreezerState.THAWED, cg.readFreezerState());
            long t1 = LiveCgroup.cpuTicks(pid);
            long deadline = System.nanoTime() + 60_000_000_000L; // wait for the event, bounded, not a fixed window
            while (LiveCgroup.cpuTicks(pid) <= t1 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(LiveCgroup.cpuTicks(pid) > t1, "thawed");

            // the podman id prefix resolves as well, as with podman itself
            String id = Exec.run(List.of("podman", "inspect", "-f", "{{.Id}}", NAME)).output().strip();
            r = CliRun.of("kill", id.substring(0, 12));
            assertEquals(0, r.exit(), r.toString());
            assertEquals(List.of(), cg.exists() ? cg.readProcs() : List.of());
            String state = Exec.run(List.of("podman", "inspect", "-f", "{{.State.Status}}", NAME)).output().strip();
            assertTrue(state.equals("exited") || state.equals("stopped"), "podman sees it " + state);
        } finally {
            Exec.run(List.of("podman", "rm", "-f", "-t", "0", NAME));
        }
    }

    /** A finished external command. */
    record Exec(int exit, String output) {
        static Exec run(List<String> cmd) throws IOException, InterruptedException {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Exec(-1, "timed out: " + cmd);
            }
            return new Exec(p.exitValue(), out);
        }
    }
}
