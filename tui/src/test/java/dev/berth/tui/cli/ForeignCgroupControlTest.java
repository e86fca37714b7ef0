package dev.berth.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.CpuMax;
import dev.berth.cgroupctl.FreezerState;
import dev.berth.cgroupctl.Layout;
import dev.berth.cgroupctl.Limit;
import dev.berth.cgroupctl.Resources;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code set}, {@code freeze}, {@code thaw} and {@code kill} on a container berth did not start: a
 * plain cgroup the test made, holding processes the test started. Checks both the cgroup files
 * (read back through cgroupctl) and the behaviour of the processes.
 */
@Tag("privileged")
class ForeignCgroupControlTest {
    CgroupFs fs;
    LiveCgroup live;

    @BeforeEach
    void setUp() throws CgroupException {
        fs = LiveCgroup.hostCgroupFs();
        live = LiveCgroup.create(fs);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (live != null) {
            live.close();
        }
    }

    @Test
    void setChangesTheFilesAndHoldsCpuAtTheQuota() throws Exception {
        live.startBusy();
        live.startBusy();
        // the highest weight, so that other load on the host cannot push the cgroup below its quota
        CliRun r = CliRun.of("set", live.path, "--cpus", "0.5", "--cpu-weight", "10000", "--memory", "64M",
                "--pids-limit", "50");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(live.path + ": cpus=0.5 cpu-weight=10000 memory=64M pids-limit=50", r.out().strip());
        assertEquals(new CpuMax(Limit.of(50_000), 100_000), live.cgroup.readCpuMax());
        assertEquals(10000, live.cgroup.readCpuWeight().weight());
        assertEquals(Limit.of(64L << 20), live.cgroup.readMemory().maxBytes());
        assertEquals(Limit.of(50), live.cgroup.readPids().max());

        // two busy loops, quota 0.5 cpu: the cgroup gets 0.5 cpu ± 10 %
        double cpus = measureCpus(3_000);
        System.out.printf("plain cgroup, --cpus 0.5, two busy loops: %.3f cpus%n", cpus);
        assertTrue(cpus > 0.45 && cpus < 0.55, "cpu use " + cpus + " not within 10 % of 0.5");

        r = CliRun.of("set", live.path, "--cpus", "max", "--memory", "max", "--pids-limit", "max");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(Limit.UNLIMITED, live.cgroup.readCpuMax().quotaUsec());
        assertEquals(Limit.UNLIMITED, live.cgroup.readMemory().maxBytes());
        assertEquals(Limit.UNLIMITED, live.cgroup.readPids().max());
    }

    @Test
    void setBelowMemoryUsageFailsAndLeavesEveryLimitAsItWas() throws Exception {
        Process p = live.start("x=$(head -c 40000000 /dev/zero | tr '\\0' a); echo ready; sleep 1000");
        LiveCgroup.awaitLine(p, "ready");
        assertEquals(0, CliRun.of("set", live.path, "--cpus", "1", "--pids-limit", "100").exit());
        Snapshot before = Snapshot.of(live);

        CliRun r = CliRun.of("set", live.path, "--cpus", "0.3", "--pids-limit", "20", "--memory", "10M");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.errLine().startsWith("berth set: --memory 10M is below the current usage of " + live.path + " ("),
                r.errLine());
        assertTrue(r.errLine().endsWith("or max"), r.errLine());
        assertEquals(before, Snapshot.of(live));
        assertTrue(p.isAlive(), "the refused limit must not have OOM-killed anything");
    }

    @Test
    void refusedHostChecksChangeNothing() throws Exception {
        live.startBusy();
        Snapshot before = Snapshot.of(live);
        CliRun r = CliRun.of("set", live.path, "--pids-limit", "20", "--cpus", "99");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.errLine().startsWith("berth set: --cpus 99 is more than the "), r.errLine());
        r = CliRun.of("set", live.path, "--pids-limit", "20", "--device-read-bps", "4095:4095:1M");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.errLine().startsWith("berth set: unknown block device 4095:4095"), r.errLine());
        r = CliRun.of("set", live.path, "--pids-limit", "20", "--device-read-bps", "/dev/null:1M");
        assertEquals("berth set: unknown block device /dev/null: not a block device", r.errLine());
        r = CliRun.of("set", live.path, "--pids-limit", "0");
        assertEquals(2, r.exit(), r.toString());
        assertEquals(before, Snapshot.of(live));
    }

    /** cgroupctl's apply restores the values it wrote when a later write is refused by the kernel. */
    @Test
    void applyRollsBackEarlierWritesWhenTheKernelRefusesALaterOne() throws Exception {
        Assumptions.assumeTrue(fs.probe().layout() != Layout.V2,
                "on cgroup v2 the kernel accepts memory.max below usage (and OOM-kills), so it refuses nothing");
        Process p = live.start("x=$(head -c 40000000 /dev/zero | tr '\\0' a); echo ready; sleep 1000");
        LiveCgroup.awaitLine(p, "ready");
        Snapshot before = Snapshot.of(live);
        // v1 answers EBUSY to memory.limit_in_bytes below unreclaimable usage (no swap on the CI host);
        // cpu and pids come first in apply's order, so they have been written when memory fails
        Resources r = Resources.none().withCpuMax(new CpuMax(Limit.of(30_000), 100_000)).withPidsMax(Limit.of(20))
                .withMemoryMax(Limit.of(8L << 20));
        assertThrows(CgroupException.class, () -> live.cgroup.apply(r));
        assertEquals(before, Snapshot.of(live));
    }

    @Test
    void freezeStopsTheProcessesAndThawResumesThem() throws Exception {
        Process p = live.startBusy();
        Thread.sleep(100);
        CliRun r = CliRun.of("freeze", live.path);
        assertEquals(0, r.exit(), r.toString());
        assertEquals(FreezerState.FROZEN, live.cgroup.readFreezerState());
        long t0 = LiveCgroup.cpuTicks(p.pid());
        Thread.sleep(500);
        assertEquals(t0, LiveCgroup.cpuTicks(p.pid()), "a frozen process must not get CPU time");

        r = CliRun.of("thaw", live.path);
        assertEquals(0, r.exit(), r.toString());
        assertEquals(FreezerState.THAWED, live.cgroup.readFreezerState());
        // The event awaited is the process running again: on a loaded CI host a fixed window may give it
        // no CPU at all, so wait (bounded) for its CPU time to grow by 10 ticks.
        long t1 = LiveCgroup.cpuTicks(p.pid());
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (LiveCgroup.cpuTicks(p.pid()) <= t1 + 10 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(LiveCgroup.cpuTicks(p.pid()) > t1 + 10, "a thawed busy loop gets CPU time again");
    }

    @Test
    void killEmptiesTheCgroup() throws Exception {
        Process a = live.startBusy();
        Process b = live.start("sleep 1000");
        assertTrue(live.cgroup.readProcs().size() >= 2, "members: " + live.cgroup.readProcs());
        CliRun r = CliRun.of("kill", live.path);
        assertEquals(0, r.exit(), r.toString());
        assertEquals(List.of(), live.cgroup.readProcs());
        assertEquals(137, a.waitFor());
        assertEquals(137, b.waitFor());
    }

    @Test
    void killWithAnotherSignalReachesEveryProcess() throws Exception {
        Process a = live.startBusy();
        Process b = live.startBusy();
        CliRun r = CliRun.of("kill", "-s", "TERM", live.path);
        assertEquals(0, r.exit(), r.toString());
        assertEquals(128 + 15, a.waitFor());
        assertEquals(128 + 15, b.waitFor());
    }

    @Test
    void killOfAFrozenCgroupStillEmptiesIt() throws Exception {
        Process a = live.startBusy();
        assertEquals(0, CliRun.of("freeze", live.path).exit());
        CliRun r = CliRun.of("kill", live.path);
        assertEquals(0, r.exit(), r.toString());
        assertEquals(137, a.waitFor());
        assertEquals(List.of(), live.cgroup.readProcs());
    }

    @Test
    void unknownTargetsAndBadSignalsChangeNothing() throws Exception {
        CliRun r = CliRun.of("freeze", live.path + "/missing");
        assertEquals(1, r.exit());
        assertEquals("berth freeze: no such cgroup: " + live.path + "/missing", r.errLine());
        r = CliRun.of("thaw", "berth-no-such-container-" + ProcessHandle.current().pid());
        assertEquals(1, r.exit());
        assertTrue(r.errLine().startsWith("berth thaw: no such container: berth-no-such-container-"), r.errLine());
        r = CliRun.of("kill", "-s", "BOGUS", live.path);
        assertEquals(2, r.exit());
        assertTrue(r.errLine().contains("unknown signal \"BOGUS\": expected a number 1..64 or one of HUP INT"),
                r.errLine());
        r = CliRun.of("freeze", live.path + "/../..");
        assertEquals(1, r.exit());
        assertTrue(r.errLine().contains("\"..\" components are not accepted"), r.errLine());
        r = CliRun.of("kill", "/");
        assertEquals("berth kill: refusing to kill the root cgroup: it holds every process on the host", r.errLine());
    }

    private double measureCpus(long millis) throws Exception {
        long u0 = live.cgroup.readCpuUsage().usageUsec();
        long t0 = System.nanoTime();
        Thread.sleep(millis);
        long u1 = live.cgroup.readCpuUsage().usageUsec();
        long t1 = System.nanoTime();
        return (u1 - u0) / ((t1 - t0) / 1000.0);
    }

    /** Every limit {@code set} can change, read back through cgroupctl. */
    record Snapshot(CpuMax cpuMax, long weight, String cpus, Limit memoryMax, Limit pidsMax) {
        static Snapshot of(LiveCgroup l) throws CgroupException {
            return new Snapshot(l.cgroup.readCpuMax(), l.cgroup.readCpuWeight().weight(), l.cgroup.readCpuset().cpus(),
                    l.cgroup.readMemory().maxBytes(), l.cgroup.readPids().max());
        }
    }
}
