package dev.berth.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.cgroupctl.Cgroup;
import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.CpuMax;
import dev.berth.cgroupctl.CpuQuotaEvidence;
import dev.berth.cgroupctl.FreezerState;
import dev.berth.cgroupctl.Limit;
import dev.berth.runtime.ContainerName;
import dev.berth.runtime.state.ContainerRecord;
import dev.berth.runtime.state.ContainerStatus;
import dev.berth.runtime.state.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * stop, kill, freeze, thaw, set, logs and rm on containers started with {@code berth run -d}: the
 * cgroup is empty and removed after stop and kill, a live {@code set} changes both the files and
 * the CPU the container gets, rm leaves nothing behind. Every container lives under a test-named
 * cgroup parent and a temp state dir, removed afterwards.
 */
@Tag("privileged")
class OwnContainerControlTest {
    static final AtomicInteger SEQ = new AtomicInteger();
    static final String BUSY = "while :; do :; done";

    @TempDir
    Path tmp;
    CgroupFs fs;
    String parent;
    Path rootfs;
    Path stateDir;
    final List<String> names = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        Assumptions.assumeTrue(Main.newCommandLine().getSubcommands().containsKey("run"),
                "berth run is not part of this build yet");
        fs = LiveCgroup.hostCgroupFs();
        Path busybox = Path.of("/bin/busybox");
        Assumptions.assumeTrue(Files.isExecutable(busybox), "busybox-static is not installed");
        rootfs = tmp.resolve("rootfs");
        for (String d : List.of("bin", "proc", "dev", "sys", "tmp", "etc", "root")) {
            Files.createDirectories(rootfs.resolve(d));
        }
        Files.copy(busybox, rootfs.resolve("bin/busybox"));
        for (String applet : List.of("sh", "sleep", "echo", "cat", "true")) {
            Files.createSymbolicLink(rootfs.resolve("bin/" + applet), Path.of("busybox"));
        }
        stateDir = tmp.resolve("state");
        parent = "/berth-test-ctl-" + ProcessHandle.current().pid() + "-" + SEQ.incrementAndGet();
        // CPU is shared by weight level by level: at the top level the test's parent competes with everything
        // else on the (shared, 2-core) machine, so it gets the highest weight for the quota measurements
        fs.create(parent).writeCpuWeight(10_000);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (fs == null) {
            return;
        }
        for (String n : names) {
            berth("rm", "-f", n);
        }
        if (fs.cgroup(parent).exists()) {
            fs.cgroup(parent).killAll(Duration.ofSeconds(10));
        }
        fs.remove(parent);
    }

    CliRun berth(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        // runtime options go before "--" so that they are not taken for the container's command
        int dashes = all.indexOf("--");
        all.addAll(dashes < 0 ? all.size() : dashes, List.of("--state-dir", stateDir.toString(),
                "--cgroup-parent", parent));
        return CliRun.of(all.toArray(String[]::new));
    }

    String runDetached(List<String> options, String script) {
        String name = "c" + SEQ.incrementAndGet();
        names.add(name);
        List<String> args = new ArrayList<>(List.of("run", "-d", "--name", name, "--rootfs", rootfs.toString()));
        args.addAll(options);
        args.addAll(List.of("--", "/bin/sh", "-c", script));
        CliRun r = berth(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.toString());
        return name;
    }

    ContainerRecord record(String name) throws Exception {
        return new StateStore(stateDir).load(ContainerName.of(name)).orElseThrow();
    }

    /** Issue 8: {@code berth --state-dir DIR run -d} put the state in /run/berth, ignoring the option. */
    @Test
    void runtimeOptionsBeforeRunAreHonoured() throws Exception {
        String name = "c" + SEQ.incrementAndGet();
        names.add(name);
        CliRun r = CliRun.of("--state-dir", stateDir.toString(), "--cgroup-parent", parent, "run", "-d", "--name",
                name, "--rootfs", rootfs.toString(), "--", "/bin/sh", "-c", "sleep 60");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(parent + "/" + name, record(name).cgroupPath(), "the state is in --state-dir");
        assertTrue(fs.cgroup(parent + "/" + name).exists());
    }

    @Test
    void stopSendsTermThenKillsAndRemovesTheCgroup() throws Exception {
        String name = runDetached(List.of(), "trap '' TERM; " + BUSY);  // ignores SIGTERM: needs the kill
        ContainerRecord r = record(name);
        Cgroup cg = fs.cgroup(r.cgroupPath());
        assertTrue(cg.exists());
        long t0 = System.nanoTime();
        CliRun stop = berth("stop", "-t", "1", name);
        double secs = (System.nanoTime() - t0) / 1e9;
        assertEquals(0, stop.exit(), stop.toString());
        System.out.printf("stop -t 1 of a container ignoring SIGTERM took %.2f s%n", secs);
        assertTrue(secs >= 1.0 && secs < 5.0, "stop took " + secs + " s");
        assertFalse(cg.exists(), "the cgroup is removed in every hierarchy");
        ContainerRecord after = record(name);
        assertEquals(ContainerStatus.EXITED, after.status());
        assertFalse(ProcessHandle.of(r.pid()).map(ProcessHandle::isAlive).orElse(false));
    }

    @Test
    void stopOfAContainerThatObeysTermIsQuick() throws Exception {
        String name = runDetached(List.of(), "trap 'exit 3' TERM; while :; do sleep 0.1; done");
        ContainerRecord r = record(name);
        CliRun stop = berth("stop", "-t", "10", name);
        assertEquals(0, stop.exit(), stop.toString());
        assertFalse(fs.cgroup(r.cgroupPath()).exists());
        assertEquals(ContainerStatus.EXITED, record(name).status());
    }

    @Test
    void killEmptiesAndRemovesTheCgroup() throws Exception {
        String name = runDetached(List.of(), BUSY + " & " + BUSY);
        ContainerRecord r = record(name);
        Cgroup cg = fs.cgroup(r.cgroupPath());
        assertTrue(cg.readProcs().size() >= 2);
        CliRun kill = berth("kill", name);
        assertEquals(0, kill.exit(), kill.toString());
        assertFalse(cg.exists(), "empty and removed");
        assertEquals(ContainerStatus.EXITED, record(name).status());
        assertEquals(137, record(name).exitCode(), "SIGKILL, as the container's monitor saw it");
    }

    @Test
    void setChangesTheQuotaLiveAndTheContainerFollowsIt() throws Exception {
        String name = runDetached(List.of("--cpus", "0.5", "--cpu-weight", "10000"), BUSY + " & " + BUSY);
        Cgroup cg = fs.cgroup(record(name).cgroupPath());
        // The kernel's own counters say whether each quota holds: throttled, and at most the quota per elapsed
        // period (no wall-clock rate: a loaded host or an emulated vCPU may give the loops less than the quota).
        // Each window opens only once the counters show the quota's regime, so it never straddles the change.
        CpuQuotaEvidence.Window before = CpuQuotaEvidence.await(cg, new CpuMax(Limit.of(50_000), 100_000), 30,
                Duration.ofSeconds(120));

        CliRun set = berth("set", name, "--cpus", "0.25", "--pids-limit", "32");
        assertEquals(0, set.exit(), set.toString());
        assertEquals(new CpuMax(Limit.of(25_000), 100_000), cg.readCpuMax());
        assertEquals(Limit.of(32), cg.readPids().max());
        assertEquals(FreezerState.THAWED, cg.readFreezerState(), "set leaves the container running");
        CpuQuotaEvidence.Window after = CpuQuotaEvidence.await(cg, new CpuMax(Limit.of(25_000), 100_000), 30,
                Duration.ofSeconds(120));
        System.out.printf("LIVE berth run --cpus 0.5: %s%nLIVE after berth set --cpus 0.25: %s%n", before, after);
        assertEquals("0.25", record(name).spec().limits().get("cpus"));
    }

    @Test
    void freezeAndThawAnOwnContainer() throws Exception {
        String name = runDetached(List.of(), BUSY);
        ContainerRecord r = record(name);
        Cgroup cg = fs.cgroup(r.cgroupPath());
        assertEquals(0, berth("freeze", name).exit());
        assertEquals(FreezerState.FROZEN, cg.readFreezerState());
        long u0 = cg.readCpuUsage().usageUsec();
        Thread.sleep(400);
        assertEquals(u0, cg.readCpuUsage().usageUsec(), "no CPU time while frozen");
        assertEquals(0, berth("thaw", name).exit());
        // wait (bounded) for the event, the container running again: a loaded host may give it no CPU in a fixed window
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (cg.readCpuUsage().usageUsec() <= u0 + 100_000 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(cg.readCpuUsage().usageUsec() > u0 + 100_000, "runs again after thaw");
        // stop thaws a frozen container first, or SIGTERM could not be acted on
        assertEquals(0, berth("freeze", name).exit());
        assertEquals(0, berth("stop", "-t", "1", name).exit());
        assertFalse(cg.exists());
    }

    @Test
    void logsAndRmLeaveNothingBehind() throws Exception {
        String name = runDetached(List.of("--overlay"), "echo hello from $(cat /etc/hostname 2>/dev/null || echo box); "
                + "echo written > /root/file; sleep 60");
        ContainerRecord r = record(name);
        CliRun rm = berth("rm", name);
        assertEquals(1, rm.exit(), "running: refused without -f");
        assertEquals(0, berth("stop", "-t", "0", name).exit());
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stdout = System.out;
        CliRun logs;
        try {
            System.setOut(new java.io.PrintStream(captured, true));
            logs = berth("logs", name);
        } finally {
            System.setOut(stdout);
        }
        assertEquals(0, logs.exit(), logs.toString());
        assertTrue(captured.toString().startsWith("hello from "), captured.toString());
        rm = berth("rm", name);
        assertEquals(0, rm.exit(), rm.toString());
        assertFalse(Files.exists(stateDir.resolve(name)), "state, log and overlay layers removed");
        if (r.upperDir() != null) {
            assertFalse(Files.exists(r.upperDir()));
        }
        assertFalse(fs.cgroup(r.cgroupPath()).exists());
        assertFalse(Files.exists(rootfs.resolve("root/file")), "the shared lower layer was not written");
    }
}
