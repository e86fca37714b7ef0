package dev.berth.cgroupctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Live tests of limits on this host: CPU quota, memory OOM, IO throttle, apply and rollback. */
@Tag("privileged")
class LiveCgroupTest extends LiveCgroupSupport {
    @Test
    void busyProcessCpuRisesAndQuotaOfPointTwoCoresHoldsIt() throws Exception {
        Cgroup c = fs.create(parent + "/busy");
        preferOverOtherLoad(fs, parent);
        System.out.println("LIVE load average before the quota test: "
                + Files.readString(Path.of("/proc/loadavg")).strip());
        Process p = spawnGated("while :; do :; done");
        c.addProcess(p.pid());
        awaitBlocked(p);
        double idle = coresOver(c, 500); // still blocked in "read"
        long u0 = c.readCpuUsage().usageUsec();
        release(p);
        // "rises": the loop's CPU time grows by a quarter of a second (waited for, bounded; no rate asserted: a
        // loaded host or an emulated vCPU gives the loop what it gives)
        long u1 = u0;
        long t0 = System.nanoTime();
        while (u1 - u0 < 250_000 && System.nanoTime() - t0 < 60_000_000_000L) {
            Thread.sleep(50);
            u1 = c.readCpuUsage().usageUsec();
        }
        double busy = (u1 - u0) / ((System.nanoTime() - t0) / 1000.0);
        System.out.printf("LIVE cpu before/after starting the busy loop: %.3f -> %.3f cores%n", idle, busy);
        assertTrue(idle < 0.05, "blocked process used " + idle + " cores");
        assertTrue(u1 - u0 >= 250_000, "the busy loop used only " + (u1 - u0) + " us of CPU in 60 s");
        CpuMax quota = CpuMax.ofCores(0.2, 100_000);
        c.writeCpuMax(quota);
        assertEquals(new CpuMax(Limit.of(20_000), 100_000), c.readCpuMax());
        // The kernel's own counters: throttled, and at most the quota per elapsed period (CpuQuotaEvidence)
        CpuQuotaEvidence.Window w = CpuQuotaEvidence.await(c, quota, 40, Duration.ofSeconds(120));
        System.out.println("LIVE cpu under a 0.2 quota: " + w);
        System.out.println("LIVE cpu.pressure of the throttled cgroup (unified hierarchy via the hybrid API): "
                + c.readPressure(PressureResource.CPU));
    }

    /**
     * An open cgroup (the sampler's, which keeps its files open) sees a process moved in right after a read that
     * found none. v1 serves every read of a kept {@code cgroup.procs} descriptor from the pid list of its first read
     * until that list has been idle for a second, so a console refreshing faster than that showed a launched
     * container as exited, with no members, for as long as it ran.
     */
    @Test
    void openCgroupSeesAProcessMovedInRightAfterAnEmptyRead() throws Exception {
        Cgroup c = fs.create(parent + "/members");
        Process p = spawnGated("exec sleep 600");
        try (OpenCgroup open = fs.openCgroup(parent + "/members")) {
            assertEquals(List.of(), open.readMemberPids());
            c.addProcess(p.pid());
            assertEquals(List.of(p.pid()), open.readMemberPids());
            assertEquals(List.of(p.pid()), open.readMemberPids());
            Process q = spawnGated("exec sleep 600");
            c.addProcess(q.pid());
            assertEquals(List.of(p.pid(), q.pid()).stream().sorted().toList(),
                    open.readMemberPids().stream().sorted().toList());
            // to a sibling: v2 refuses a process in a parent whose children have controllers enabled
            fs.create(parent + "/elsewhere").addProcess(p.pid());
            assertEquals(List.of(q.pid()), open.readMemberPids(), "after one member moved out");
        }
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
        long released = System.nanoTime();
        release(p);
        // The figure: the rate from the first bytes through to dd's exit (dd's start-up is not the throttle's
        // business). The check: what the kernel guarantees whatever CPU the reader got (IoThrottleBound).
        long b0 = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < 1500 && b0 == 0; i++) {
            Thread.sleep(20);
            t0 = System.nanoTime();
            b0 = readFrom(c, disk);
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "dd did not finish");
        IoDeviceStat st = c.readIoStat().devices().stream()
                .filter(d -> d.major() == disk[0] && d.minor() == disk[1]).findFirst().orElseThrow();
        long ended = System.nanoTime();
        double mibPerSec = (st.readBytes() - b0) / (double) (1 << 20) / ((ended - t0) / 1e9);
        IoThrottleBound bound = new IoThrottleBound(4L << 20, 1L << 20, st.readBytes(), ended - released);
        System.out.printf("LIVE io: 8 MiB direct read under rbps=4 MiB/s on %d:%d: %.2f MiB/s after the first %d "
                + "bytes; %s; io stat read %d bytes in %d ops%n", disk[0], disk[1], mibPerSec, b0, bound,
                st.readBytes(), st.readOps());
        assertEquals(0, p.exitValue());
        assertTrue(st.readBytes() >= 8L << 20, st.toString());
        assertTrue(bound.holds(), "read faster than rbps=4 MiB/s allows: " + bound);
    }

    private static long readFrom(Cgroup c, int[] disk) throws CgroupException {
        return c.readIoStat().devices().stream().filter(d -> d.major() == disk[0] && d.minor() == disk[1])
                .mapToLong(IoDeviceStat::readBytes).sum();
    }

    @Test
    void applyPinsCpusetAndSetsWeightAndPidsAsTheKernelReadsThem() throws Exception {
        Cgroup c = fs.create(parent + "/apply");
        Process p = spawnGated("sleep 30");
        c.addProcess(p.pid());
        String lastCpu = Integer.toString(Runtime.getRuntime().availableProcessors() - 1);
        c.apply(Resources.none().withCpusetCpus(lastCpu).withCpuWeight(50).withPidsMax(Limit.of(20))
                .withCpuMax(new CpuMax(Limit.of(50_000), 100_000)));
        String allowed = Files.readAllLines(Path.of("/proc/" + p.pid() + "/status")).stream()
                .filter(l -> l.startsWith("Cpus_allowed_list:")).findFirst().orElseThrow();
        System.out.println("LIVE apply: cpuset " + c.readCpuset() + ", weight " + c.readCpuWeight() + ", pids "
                + c.readPids() + ", cpu max " + c.readCpuMax() + "; process " + allowed.replaceAll("\\s+", " "));
        assertEquals(lastCpu, c.readCpuset().cpus());
        assertEquals("Cpus_allowed_list:\t" + lastCpu, allowed);
        // The weight on either version; v1 also shows the shares it was written as (512), v2 none.
        assertEquals(50, c.readCpuWeight().weight());
        assertTrue(c.readCpuWeight().shares().stream().allMatch(shares -> shares == 512),
                c.readCpuWeight()::toString);
        assertEquals(new PidsUsage(1, Limit.of(20)), c.readPids());
        assertEquals(new CpuMax(Limit.of(50_000), 100_000), c.readCpuMax());
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
        for (int i = 0; i < 1200 && usage < 40_000_000; i++) {
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
        if (fs.probe().layout() == Layout.V2) {
            // v2 refuses nothing here: it takes memory.max below usage, reclaims what it can and OOM-kills the
            // rest, so the whole change applies (the rollback itself is covered by the fixture tests).
            c.apply(change);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "a process over memory.max was neither reclaimed nor killed");
            System.out.println("LIVE v2 change with memory.max 1 MiB below usage " + usage + " bytes: applied, "
                    + "exit status " + p.exitValue() + ", oom_kill " + c.readMemoryEvents().oomKill());
            assertEquals(137, p.exitValue());
            assertEquals(CpuMax.ofCores(0.5, 100_000), c.readCpuMax());
            assertEquals(Limit.of(64), c.readPids().max());
            assertEquals(Limit.of(1L << 20), c.readMemory().maxBytes());
            return;
        }
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
