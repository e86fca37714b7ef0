package dev.berth.collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.collectors.proc.BlockDevice;
import dev.berth.collectors.proc.CpuTimes;
import dev.berth.collectors.proc.DiskCounters;
import dev.berth.collectors.proc.LoadAverage;
import dev.berth.collectors.proc.NetDevCounters;
import dev.berth.collectors.proc.ProcStat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Host model derivation over hand-built samples. */
class HostModelTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    static HostSample sample(Instant at, long user, long idle, long vdaWrite, long ethRx, long loRx, long procCpu) {
        CpuTimes t = new CpuTimes(user, 0, 100, idle, 10, 0, 0, 0);
        ProcStat stat = new ProcStat(t, List.of(t), 0, 0, 0, 0);
        HostMemory mem = new HostMemory(1000, 100, OptionalLong.of(600), 10, 300, 0, 0);
        List<HostSample.Disk> disks = List.of(
                new HostSample.Disk(new BlockDevice(254, 0, "vda", true),
                        new DiskCounters("vda", 254, 0, 0, 0, vdaWrite / 4096, vdaWrite, 0)),
                new HostSample.Disk(new BlockDevice(254, 1, "vda1", false),
                        new DiskCounters("vda1", 254, 1, 0, 0, vdaWrite / 4096, vdaWrite, 0)));
        List<NetDevCounters> net = List.of(new NetDevCounters("lo", loRx, 1, 0, 0, loRx, 1, 0, 0),
                new NetDevCounters("eth0", ethRx, 10, 0, 0, ethRx / 2, 5, 0, 0));
        List<ProcessSample> procs = List.of(new ProcessSample(42, "java", 'R', procCpu, 777, OptionalLong.of(4096)),
                new ProcessSample(43, "idle", 'S', 0, 778, OptionalLong.empty()));
        return new HostSample(at, Optional.of(stat), Optional.of(new LoadAverage(1, 2, 3)), Optional.of(mem),
                Optional.of(disks), Optional.of(net), Optional.of(procs));
    }

    @Test
    void sharesRatesAndTopProcesses() {
        HostSample a = sample(T0, 1000, 5000, 0, 0, 0, 0);
        HostSample b = sample(T0.plusSeconds(2), 1150, 5050, 2 << 20, 4000, 1 << 20, 1_500_000);
        HostModel m = HostModel.derive(Optional.of(a), b);
        HostModel.CpuShare s = m.cpu().orElseThrow();
        assertEquals(75.0, s.user(), 1e-9, "150 of 200 ticks");
        assertEquals(25.0, s.idle(), 1e-9);
        assertEquals(75.0, s.busy(), 1e-9);
        assertEquals(1 << 20, m.diskTotal().orElseThrow().writeBytesPerSecond().getAsDouble(), 1e-6,
                "the partition's writes are the disk's and are not added");
        assertEquals(2000.0, m.netTotal().orElseThrow().rxBytesPerSecond().getAsDouble(), 1e-9, "lo not counted");
        assertEquals(42, m.processes().get(0).pid(), "highest CPU first");
        assertEquals(75.0, m.processes().get(0).cpuPercent().getAsDouble(), 1e-9, "1.5 s in 2 s");
        assertEquals(400, m.memory().orElseThrow().usedBytes().getAsLong(), "total - available");
    }

    @Test
    void firstTickAndBackwardsCountersHaveNoRates() {
        HostSample a = sample(T0, 1000, 5000, 2 << 20, 4000, 0, 100);
        HostModel first = HostModel.derive(Optional.empty(), a);
        assertTrue(first.cpu().isEmpty());
        assertTrue(first.diskTotal().orElseThrow().writeBytesPerSecond().isEmpty());
        HostSample b = sample(T0.plusSeconds(1), 900, 5100, 0, 0, 0, 50);
        HostModel back = HostModel.derive(Optional.of(a), b);
        assertTrue(back.cpu().isEmpty(), "user ticks went backwards");
        assertTrue(back.diskTotal().orElseThrow().writeBytesPerSecond().isEmpty());
        assertTrue(back.netTotal().orElseThrow().rxBytesPerSecond().isEmpty());
        assertTrue(back.processes().stream().filter(x -> x.pid() == 42).findFirst().orElseThrow().cpuPercent()
                .isEmpty(), "process CPU time went backwards");
        assertEquals(43, back.processes().get(0).pid(), "processes without a rate sort last");
    }

    @Test
    void reusedPidIsANewProcess() {
        var p = ProcessModel.derive(List.of(new ProcessSample(42, "old", 'S', 5_000_000, 100, OptionalLong.empty())),
                List.of(new ProcessSample(42, "new", 'R', 6_000_000, 200, OptionalLong.empty())),
                Duration.ofSeconds(1));
        assertTrue(p.get(0).cpuPercent().isEmpty());
    }

    /** Issue 10 defect 8: {@code 100 - idle - iowait} came out as -1.4e-14 and was shown as {@code -0.0%}. */
    @Test
    void anIdleHostIsZeroPercentBusyNotMinusZero() {
        CpuTimes before = new CpuTimes(0, 0, 0, 1000, 0, 0, 0, 0);
        CpuTimes after = new CpuTimes(0, 0, 0, 1003, 0, 0, 0, 0);
        HostSample a = new HostSample(T0, Optional.of(new ProcStat(before, List.of(), 0, 0, 0, 0)), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        HostSample b = new HostSample(T0.plusSeconds(1), Optional.of(new ProcStat(after, List.of(), 0, 0, 0, 0)),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        double busy = HostModel.derive(Optional.of(a), b).cpu().orElseThrow().busy();
        assertEquals(0, Double.compare(0.0, busy), "busy was " + busy);
    }

    @Test
    void iowaitGoingBackwardsCannotMakeBusyNegative() {
        CpuTimes before = new CpuTimes(0, 0, 0, 1000, 50, 0, 0, 0);
        CpuTimes after = new CpuTimes(0, 0, 0, 1100, 40, 0, 0, 0);
        HostSample a = new HostSample(T0, Optional.of(new ProcStat(before, List.of(), 0, 0, 0, 0)), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        HostSample b = new HostSample(T0.plusSeconds(1), Optional.of(new ProcStat(after, List.of(), 0, 0, 0, 0)),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        HostModel.CpuShare s = HostModel.derive(Optional.of(a), b).cpu().orElseThrow();
        assertEquals(0, Double.compare(0.0, s.busy()));
        assertEquals(100.0, s.idle(), 1e-9);
    }
}
