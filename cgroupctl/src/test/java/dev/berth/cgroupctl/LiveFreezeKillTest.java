package dev.berth.cgroupctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Live tests of freeze, thaw, kill-all and removal, through the v1 freezer and the unified hierarchy. */
@Tag("privileged")
class LiveFreezeKillTest extends LiveCgroupSupport {
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
        long thawedAt = System.nanoTime();
        // Any progress shows it resumed; 10 ticks (0.1 s of CPU) keeps clear of clock-tick rounding. Waited for
        // (bounded): a loaded host or an emulated vCPU gets there later, not differently.
        long t1 = t0;
        while (t1 - t0 < 10 && System.nanoTime() - thawedAt < 60_000_000_000L) {
            Thread.sleep(50);
            t1 = cpuTicks(p.pid());
        }
        System.out.printf("LIVE freeze (%s): cpu ticks while frozen 1 s: %d, after thaw: %d in %.2f s%n", label,
                f1 - f0, t1 - t0, (System.nanoTime() - thawedAt) / 1e9);
        assertEquals(0, f1 - f0, "process ran while frozen");
        assertTrue(t1 - t0 >= 10, "process did not resume in 60 s: " + (t1 - t0) + " ticks");
    }

    @Test
    void freezeThroughTheV1FreezerStopsTheProcessAndThawResumesIt() throws Exception {
        assumeTrue(fs.probe().v1Mounts().containsKey("freezer"), "no v1 freezer hierarchy");
        assertFreezeStopsAndThawResumes(fs, fs.create(parent + "/freeze"), "v1 freezer.state");
    }

    /** A CgroupFs over only this host's cgroup2 hierarchy, as on a pure v2 host. */

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
        awaitBlocked(p);
        double idle = coresOver(c, 500);
        long u0 = c.readCpuUsage().usageUsec();
        long t0 = System.nanoTime();
        release(p);
        // "rises": a quarter of a second of CPU, waited for (bounded), not a rate a loaded host may not give
        long u1 = u0;
        while (u1 - u0 < 250_000 && System.nanoTime() - t0 < 60_000_000_000L) {
            Thread.sleep(50);
            u1 = c.readCpuUsage().usageUsec();
        }
        double cores = (u1 - u0) / ((System.nanoTime() - t0) / 1000.0);
        Pressure cpu = c.readPressure(PressureResource.CPU);
        System.out.printf("LIVE cgroup2 cpu.stat before/after starting a busy loop: %.3f -> %.3f cores; "
                + "cpu.pressure %s%n", idle, cores, cpu);
        assertTrue(idle < 0.05 && u1 - u0 >= 250_000, "cpu.stat usage did not rise: " + idle + " cores, then +"
                + (u1 - u0) + " us in 60 s");
        assertEquals(List.of(p.pid()), c.readProcs());
        c.killAll(T);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(List.of(), c.readProcs());
        if (fs.probe().layout() == Layout.V2) {
            // pure v2: every controller is in the one hierarchy, and the test's cgroup got memory from its parent
            assertTrue(c.readMemory().usageBytes() >= 0);
        } else {
            // hybrid: the memory controller is bound to v1, so the unified hierarchy has no memory files
            assertThrows(ControllerUnavailableException.class, c::readMemory, "unified hierarchy has no memory files");
        }
    }

    private void assertKillAllEmptiesForkLoop(CgroupFs f, String label) throws Exception {
        Cgroup c = f.create(parent + "/forks");
        if (f.probe().v1Mounts().containsKey("pids") || f.probe().unifiedControllers().contains("pids")) {
            c.writePidsMax(Limit.of(200)); // a fork loop must not become a fork bomb if the kill fails
        }
        Process p = spawnGated("while :; do sleep 5 & done");
        c.addProcess(p.pid());
        release(p);
        int before = 0;
        for (int i = 0; i < 1200 && before <= 5; i++) {
            Thread.sleep(50);
            before = c.readProcs().size();
        }
        long t0 = System.nanoTime();
        c.killAll(T);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("LIVE kill-all (%s): %d processes before, %d after, %d ms%n", label, before,
                c.readProcs().size(), ms);
        assertTrue(before > 5, "fork loop did not fork: " + before);
        assertEquals(List.of(), c.readProcs());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
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
        // into the leaf: on v2, b enabled controllers for c and so may hold no process ("no internal processes")
        fs.cgroup(parent + "/a/b/c").addProcess(p.pid());
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
}
