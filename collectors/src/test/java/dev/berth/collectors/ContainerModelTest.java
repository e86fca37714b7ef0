package dev.berth.collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.cgroupctl.Limit;
import dev.berth.collectors.proc.BlockDevice;
import dev.berth.collectors.proc.NetDevCounters;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Model derivation over hand-built samples (no files): rates, percentages, whole-disk and loopback rules. */
class ContainerModelTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final ContainerIdentity ID = new ContainerIdentity("web", "web", ContainerRuntime.BERTH, "/berth/web",
            Optional.empty(), List.of(10L), Optional.of(new NetNamespace(4026532000L, false)));
    static final BlockDevice SDA = new BlockDevice(8, 0, "sda", true);
    static final BlockDevice SDA1 = new BlockDevice(8, 1, "sda1", false);
    static final BlockDevice DM0 = new BlockDevice(253, 0, "dm-0", false);

    static ContainerSample sample(Instant at, long cpuUsec, long throttledUsec, long sdaWrite, long rx) {
        var cpu = new ContainerSample.Cpu(OptionalLong.of(cpuUsec), OptionalLong.of(cpuUsec / 2),
                OptionalLong.of(cpuUsec / 2), OptionalLong.of(10), OptionalLong.of(1), OptionalLong.of(throttledUsec),
                Optional.of(Limit.of(50_000)), OptionalLong.of(100_000));
        var mem = new ContainerSample.Memory(OptionalLong.of(300L << 20), OptionalLong.of(100L << 20),
                OptionalLong.of(200L << 20), OptionalLong.of(150L << 20), Optional.of(Limit.of(600L << 20)),
                OptionalLong.of(1), OptionalLong.empty());
        var io = List.of(new ContainerSample.IoDevice(SDA, 0, sdaWrite, 0, sdaWrite / 4096),
                new ContainerSample.IoDevice(SDA1, 0, sdaWrite, 0, 1),
                new ContainerSample.IoDevice(DM0, 0, sdaWrite, 0, 1));
        var net = List.of(new NetDevCounters("lo", 999_999, 10, 0, 0, 999_999, 10, 0, 0),
                new NetDevCounters("eth0", rx, 100, 0, 0, rx / 2, 50, 0, 0));
        return new ContainerSample(at, ID, ContainerState.RUNNING, cpu, mem, Optional.of(io), Optional.of(net),
                new ContainerSample.Pids(OptionalLong.of(3), Optional.of(Limit.UNLIMITED)), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    @Test
    void firstSampleHasCountersButNoRates() {
        ContainerModel m = ContainerModel.derive(Optional.empty(), sample(T0, 2_000_000, 0, 4096, 1000));
        assertEquals(2.0, m.cpu().usageSeconds().getAsDouble(), 1e-9);
        assertTrue(m.cpu().percent().isEmpty());
        assertEquals(0.5, m.cpu().limitCpus().getAsDouble(), 1e-9);
        assertEquals(4096, m.io().writeBytes().getAsLong(), "only the whole disk counts");
        assertTrue(m.io().writeBytesPerSecond().isEmpty());
        assertEquals(1000, m.net().rxBytes().getAsLong(), "lo is not counted");
    }

    @Test
    void ratesOverTwoSamples() {
        ContainerSample a = sample(T0, 2_000_000, 0, 4096, 1000);
        ContainerSample b = sample(T0.plusSeconds(2), 3_000_000, 500_000, 4096 + 2 * 1048576, 1000 + 2 * 5000);
        ContainerModel m = ContainerModel.derive(Optional.of(a), b);
        assertEquals(50.0, m.cpu().percent().getAsDouble(), 1e-9, "1 s of CPU in 2 s = half a core");
        assertEquals(25.0, m.cpu().userPercent().getAsDouble(), 1e-9);
        assertEquals(100.0, m.cpu().percentOfLimit().getAsDouble(), 1e-9, "half a core of a 0.5 quota");
        assertEquals(0.25, m.cpu().throttledPerSecond().getAsDouble(), 1e-9);
        assertEquals(1048576.0, m.io().writeBytesPerSecond().getAsDouble(), 1e-6,
                "partition and dm counters of the same writes are not added");
        assertEquals(3, m.io().devices().size());
        assertEquals(1048576.0, m.io().devices().get(2).writeBytesPerSecond().getAsDouble(), 1e-6);
        assertEquals(5000.0, m.net().rxBytesPerSecond().getAsDouble(), 1e-9);
        assertEquals(2500.0, m.net().txBytesPerSecond().getAsDouble(), 1e-9);
    }

    @Test
    void workingSetAndPercentOfLimit() {
        ContainerModel m = ContainerModel.derive(Optional.empty(), sample(T0, 1, 0, 0, 0));
        assertEquals(150L << 20, m.memory().workingSetBytes().getAsLong(), "usage 300 MiB - inactive_file 150 MiB");
        assertEquals(25.0, m.memory().percentOfLimit().getAsDouble(), 1e-9);
        assertEquals(1, m.memory().oomKills().getAsLong());
    }

    @Test
    void counterGoingBackwardsGivesNoRateNotNegative() {
        ContainerSample a = sample(T0, 5_000_000, 100, 1 << 20, 9000);
        ContainerSample b = sample(T0.plusSeconds(1), 1_000_000, 50, 4096, 100);
        ContainerModel m = ContainerModel.derive(Optional.of(a), b);
        assertTrue(m.cpu().percent().isEmpty());
        assertTrue(m.cpu().throttledPerSecond().isEmpty());
        assertTrue(m.io().writeBytesPerSecond().isEmpty());
        assertTrue(m.net().rxBytesPerSecond().isEmpty());
        assertEquals(1.0, m.cpu().usageSeconds().getAsDouble(), 1e-9, "counters are still shown");
    }

    @Test
    void unavailableStaysUnavailable() {
        ContainerSample s = sample(T0, 1, 0, 0, 0);
        var noMem = new ContainerSample.Memory(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty(), Optional.empty(), OptionalLong.empty(), OptionalLong.empty());
        ContainerSample t = new ContainerSample(s.at(), s.identity(), s.state(), s.cpu(), noMem, Optional.empty(),
                Optional.empty(), s.pids(), Optional.empty(), Optional.empty(), Optional.empty());
        ContainerModel m = ContainerModel.derive(Optional.empty(), t);
        assertTrue(m.memory().workingSetBytes().isEmpty());
        assertTrue(m.memory().percentOfLimit().isEmpty());
        assertTrue(m.io().readBytes().isEmpty(), "no io controller is not 0 bytes");
        assertTrue(m.net().rxBytes().isEmpty());
    }

    @Test
    void unlimitedQuotaHasNoLimitCpus() {
        ContainerSample s = sample(T0, 1, 0, 0, 0);
        var cpu = new ContainerSample.Cpu(OptionalLong.of(1), OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), Optional.of(Limit.UNLIMITED),
                OptionalLong.of(100_000));
        ContainerSample t = new ContainerSample(s.at(), s.identity(), s.state(), cpu, s.memory(), s.io(), s.net(),
                s.pids(), Optional.empty(), Optional.empty(), Optional.empty());
        ContainerModel m = ContainerModel.derive(Optional.empty(), t);
        assertTrue(m.cpu().limitCpus().isEmpty());
        assertTrue(m.cpu().percentOfLimit().isEmpty());
        assertTrue(m.cpu().quotaUsec().get().isUnlimited());
    }
}
