package dev.berth.cgroupctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What each v2 writer does to the processes, live on a pure cgroup v2 host (the v2 guest of {@code testing/v2vm}
 * runs it; on a hybrid or v1 host it skips). Every figure is printed as a {@code LIVE} line.
 */
@Tag("privileged")
class LiveV2Test extends LiveCgroupSupport {
    private static final long MIB = 1L << 20;

    @BeforeEach
    void pureV2() {
        assumeTrue(fs.probe().layout() == Layout.V2, "needs pure cgroup v2; this host is " + fs.probe().layout()
                + " (testing/v2vm runs these tests in a v2 guest)");
    }

    private Path file(String cgroup, String name) {
        return fs.probe().unifiedMount().orElseThrow().resolve(cgroup.substring(1)).resolve(name);
    }

    private static long flatKey(Path file, String key) throws IOException {
        return Files.readAllLines(file).stream().filter(l -> l.startsWith(key + " ")).findFirst()
                .map(l -> Long.parseLong(l.substring(key.length() + 1).strip())).orElseThrow();
    }

    private static long waitForUsage(Cgroup c, long atLeast) throws Exception {
        long usage = 0;
        for (int i = 0; i < 1200 && usage < atLeast; i++) {
            Thread.sleep(50);
            usage = c.readMemory().usageBytes();
        }
        return usage;
    }

    @Test
    void memoryMaxBelowUsageOfPageCacheIsAcceptedAndTheKernelReclaims() throws Exception {
        Path dir = Path.of("/var/tmp");
        String type = Files.getFileStore(dir).type();
        assumeTrue(!type.equals("tmpfs") && !type.equals("overlay"), "/var/tmp is " + type + ": no reclaimable cache");
        Path data = dir.resolve("berth-v2-reclaim-" + ProcessHandle.current().pid());
        cleanups.add(() -> data.toFile().delete());
        Cgroup c = fs.create(parent + "/cache");
        c.writeMemorySwapMax(Limit.of(0));
        Process p = spawnGated("dd if=/dev/zero of=" + data + " bs=1M count=64 status=none && sync && read y");
        c.addProcess(p.pid());
        release(p);
        long before = waitForUsage(c, 60 * MIB);
        c.writeMemoryMax(Limit.of(16 * MIB)); // v1 would refuse this with EBUSY; v2 reclaims to it
        long after = c.readMemory().usageBytes();
        System.out.printf("LIVE v2 memory.max below page-cache usage: %.1f MiB -> limit 16 MiB -> %.1f MiB, "
                + "process alive %s, oom_kill %d%n", before / (double) MIB, after / (double) MIB, p.isAlive(),
                c.readMemoryEvents().oomKill());
        assertTrue(before >= 60 * MIB, "the write did not fill the page cache: " + before);
        assertTrue(after <= 16 * MIB, "not reclaimed to the limit: " + after);
        assertTrue(p.isAlive(), "reclaiming page cache must not kill");
        assertEquals(0, c.readMemoryEvents().oomKill());
    }

    @Test
    void memoryMaxBelowAnonymousUsageIsAcceptedAndTheKernelOomKills() throws Exception {
        Cgroup c = fs.create(parent + "/anon");
        c.writeMemorySwapMax(Limit.of(0)); // nothing to reclaim into
        Process p = spawnGated("x=$(head -c 40000000 /dev/zero | tr '\\0' a); read y");
        c.addProcess(p.pid());
        release(p);
        long before = waitForUsage(c, 40_000_000);
        assertTrue(before >= 40_000_000, "the shell did not grow: " + before);
        c.writeMemoryMax(Limit.of(8 * MIB));
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "a process over memory.max was neither reclaimed nor killed");
        MemoryEvents ev = c.readMemoryEvents();
        System.out.printf("LIVE v2 memory.max 8 MiB below %.1f MiB of anonymous memory: accepted, exit status %d, "
                + "oom_kill %d, memory.current now %d%n", before / (double) MIB, p.exitValue(), ev.oomKill(),
                c.readMemory().usageBytes());
        assertEquals(137, p.exitValue(), "killed by SIGKILL");
        assertTrue(ev.oomKill() >= 1, ev.toString());
    }

    @Test
    void memoryHighThrottlesWhereMemoryMaxAloneKills() throws Exception {
        Cgroup capped = fs.create(parent + "/max-only");
        capped.writeMemorySwapMax(Limit.of(0));
        capped.writeMemoryMax(Limit.of(128 * MIB));
        Cgroup high = fs.create(parent + "/high");
        high.writeMemorySwapMax(Limit.of(0));
        high.writeMemoryMax(Limit.of(128 * MIB));
        high.writeMemoryHigh(Limit.of(24 * MIB));
        // tail buffers its current line, and /dev/zero has no newline: it allocates as fast as it can.
        Process a = spawnGated("exec tail /dev/zero");
        Process b = spawnGated("exec tail /dev/zero");
        capped.addProcess(a.pid());
        high.addProcess(b.pid());
        long t0 = System.nanoTime();
        release(a);
        release(b);
        assertTrue(a.waitFor(60, TimeUnit.SECONDS), "tail under memory.max alone was not OOM-killed");
        double killedAfter = (System.nanoTime() - t0) / 1e9;
        // Held for as long as it takes the kernel to push it back 100 times (memory.events high), waited for:
        // an emulated CPU that the host starves gets there later, not differently
        long highEvents = high.readMemoryEvents().high().orElseThrow();
        while (highEvents < 100 && System.nanoTime() - t0 < 120_000_000_000L) {
            Thread.sleep(50);
            highEvents = high.readMemoryEvents().high().orElseThrow();
        }
        double heldFor = (System.nanoTime() - t0) / 1e9;
        long held = high.readMemory().usageBytes();
        boolean alive = b.isAlive();
        System.out.printf("LIVE v2 memory.high: tail under memory.max 128 MiB alone OOM-killed after %.2f s; "
                + "under memory.high 24 MiB still %s after %.2f s at %.1f MiB, %d high events%n", killedAfter,
                alive ? "running" : "dead", heldFor, held / (double) MIB, highEvents);
        assertEquals(137, a.exitValue());
        assertTrue(alive, "memory.high must throttle, not kill");
        assertTrue(held < 48 * MIB, "memory.high 24 MiB did not hold the growth: " + held);
        assertTrue(highEvents >= 100, "memory.events high " + highEvents + " after " + heldFor + " s");
    }

    @Test
    void ioMaxCapsDirectWritesToTheRate() throws Exception {
        String disk = System.getenv("BERTH_TEST_SCRATCH_DISK");
        assumeTrue(disk != null && !disk.isBlank(),
                "BERTH_TEST_SCRATCH_DISK names no scratch disk (a whole disk whose content may be overwritten)");
        long rdev = (Long) Files.getAttribute(Path.of(disk), "unix:rdev");
        int major = (int) (((rdev >> 8) & 0xfff) | ((rdev >> 32) & ~0xfffL));
        int minor = (int) ((rdev & 0xff) | ((rdev >> 12) & ~0xffL));
        Cgroup c = fs.create(parent + "/io");
        IoLimit limit = new IoLimit(major, minor, IoLimit.Kind.WRITE_BPS, Limit.of(4 * MIB));
        c.writeIoLimit(limit);
        assertTrue(c.readIoLimits().contains(limit), c.readIoLimits().toString());
        long psi0 = c.readPressure(PressureResource.IO).some().totalUsec();
        Process p = spawnGated("exec dd if=/dev/zero of=" + disk + " bs=256k count=96 oflag=direct status=none");
        c.addProcess(p.pid());
        long released = System.nanoTime();
        release(p);
        // The figure: the rate from the first bytes through to dd's exit, from io.stat (dd's start-up is not the
        // throttle's business). The check: what the kernel guarantees whatever CPU dd got (IoThrottleBound), and
        // the throttle's evidence, a writer waiting on IO.
        long w0 = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < 2400 && w0 == 0; i++) {
            Thread.sleep(25);
            t0 = System.nanoTime();
            w0 = writtenTo(c, major, minor);
        }
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "dd did not finish");
        long w1 = writtenTo(c, major, minor);
        long ended = System.nanoTime();
        Pressure io = c.readPressure(PressureResource.IO);
        double rate = (w1 - w0) / (double) MIB / ((ended - t0) / 1e9);
        IoThrottleBound bound = new IoThrottleBound(4 * MIB, 256 << 10, w1, ended - released);
        System.out.printf("LIVE v2 io.max wbps=4 MiB/s: O_DIRECT writes to %s (%d:%d) at %.2f MiB/s after the first "
                + "%d bytes (io.stat wbytes); %s; io.pressure some total +%.2f s%n", disk, major, minor, rate, w0,
                bound, (io.some().totalUsec() - psi0) / 1e6);
        assertEquals(0, p.exitValue());
        assertTrue(w1 >= 24 * MIB, "io.stat wbytes " + w1 + " for 24 MiB written");
        assertTrue(bound.holds(), "wrote faster than wbps=4 MiB/s allows: " + bound);
        assertTrue(io.some().totalUsec() > psi0, "a throttled writer waits on IO: io.pressure must grow");
    }

    private static long writtenTo(Cgroup c, int major, int minor) throws CgroupException {
        return c.readIoStat().devices().stream().filter(d -> d.major() == major && d.minor() == minor)
                .mapToLong(IoDeviceStat::writeBytes).sum();
    }

    @Test
    void pidsMaxMakesForkFail() throws Exception {
        Cgroup c = fs.create(parent + "/pids");
        c.writePidsMax(Limit.of(8));
        Process p = spawnGated("i=0; while [ $i -lt 20 ]; do sleep 60 & i=$((i+1)); done; wait");
        c.addProcess(p.pid());
        release(p);
        long forkFailures = 0;
        for (int i = 0; i < 1200 && forkFailures == 0; i++) {
            Thread.sleep(50);
            forkFailures = flatKey(file(c.path(), "pids.events"), "max");
        }
        PidsUsage pids = c.readPids();
        System.out.printf("LIVE v2 pids.max 8: 1 shell forking 20 sleeps -> pids.current %d, pids.events max %d%n",
                pids.current(), forkFailures);
        assertEquals(Limit.of(8), pids.max());
        assertTrue(pids.current() <= 8, pids.toString());
        assertTrue(forkFailures > 0, "no fork was refused");
    }

    @Test
    void cpusetCpusPinsAndTwoLoopsOnOneCpuShowCpuPressure() throws Exception {
        String online = Files.readString(Path.of("/sys/devices/system/cpu/online")).strip();
        assumeTrue(!online.equals("0"), "one CPU only: nothing to pin to");
        String last = online.substring(Math.max(online.lastIndexOf('-'), online.lastIndexOf(',')) + 1);
        Cgroup c = fs.create(parent + "/pin");
        Process a = spawnGated("while :; do :; done");
        Process b = spawnGated("while :; do :; done");
        c.addProcess(a.pid());
        c.addProcess(b.pid());
        c.apply(Resources.none().withCpusetCpus(last));
        release(a);
        release(b);
        Thread.sleep(500);
        long psi0 = c.readPressure(PressureResource.CPU).some().totalUsec();
        double cores = coresOver(c, 2000);
        long psi1 = c.readPressure(PressureResource.CPU).some().totalUsec();
        String allowed = Files.readAllLines(Path.of("/proc/" + a.pid() + "/status")).stream()
                .filter(l -> l.startsWith("Cpus_allowed_list:")).findFirst().orElseThrow().split("\\s+")[1];
        String stat = Files.readString(Path.of("/proc/" + a.pid() + "/stat"));
        String ranOn = stat.substring(stat.lastIndexOf(')') + 2).split(" ")[36];
        System.out.printf("LIVE v2 cpuset.cpus %s: two busy loops use %.3f cores, Cpus_allowed_list %s, last ran on "
                + "cpu %s, cpu.pressure some +%.2f s in 2 s%n", last, cores, allowed, ranOn, (psi1 - psi0) / 1e6);
        assertEquals(last, c.readCpuset().cpus());
        assertEquals(last, allowed);
        assertEquals(last, ranOn);
        assertTrue(cores < 1.1, "two loops pinned to one CPU used " + cores + " cores");
        assertTrue(psi1 - psi0 > 500_000, "two loops on one CPU wait half the time: cpu.pressure some must grow");
    }

    @Test
    void aControllerItsParentDoesNotEnableIsReportedAsSuchAndReadsAsUnavailable() throws Exception {
        // The parent holds a process, so v2's "no internal processes" rule keeps it from enabling the domain
        // controllers (memory, io) for its children; the threaded ones (cpu, cpuset, pids) it may still enable.
        Cgroup busyParent = fs.create(parent + "/holder");
        Process p = spawnGated("sleep 60");
        busyParent.addProcess(p.pid());
        Cgroup child = fs.create(parent + "/holder/child");
        String got = Files.readString(file(child.path(), "cgroup.controllers")).strip();
        ControllerUnavailableException e = assertThrows(ControllerUnavailableException.class, child::readMemory);
        ControllerUnavailableException w = assertThrows(ControllerUnavailableException.class, child::readIoLimits);
        System.out.println("LIVE v2 child of a cgroup with processes got [" + got + "]; reading memory: "
                + e.getMessage());
        assertTrue(e.getMessage().contains("memory controller is not enabled in " + parent + "/holder"),
                e.getMessage());
        assertTrue(w.getMessage().contains("io controller is not enabled in " + parent + "/holder"),
                w.getMessage());
        assertFalse(Files.exists(file(child.path(), "memory.max")));
    }
}
