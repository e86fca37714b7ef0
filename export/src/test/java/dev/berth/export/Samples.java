package dev.berth.export;

import dev.berth.cgroupctl.CpuWeight;
import dev.berth.cgroupctl.Limit;
import dev.berth.cgroupctl.Pressure;
import dev.berth.cgroupctl.PressureLine;
import dev.berth.collectors.ContainerIdentity;
import dev.berth.collectors.ContainerRuntime;
import dev.berth.collectors.ContainerSample;
import dev.berth.collectors.ContainerState;
import dev.berth.collectors.proc.BlockDevice;
import dev.berth.collectors.proc.NetDevCounters;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Hand-built samples for the exporter tests: one with every reading, one with none. */
final class Samples {
    static final Instant AT = Instant.parse("2026-11-30T12:00:00Z");

    private Samples() {
    }

    static ContainerIdentity identity(String name, String cgroup) {
        return new ContainerIdentity(name, name, ContainerRuntime.BERTH, cgroup, Optional.empty(), List.of(42L),
                Optional.empty());
    }

    /** When the full sample's cgroup was made. */
    static final Instant CREATED = Instant.parse("2026-11-30T11:00:00.250Z");

    /**
     * The slow-cadence values of a v2 container: weight 100, memory.high 256 MiB, swap.max 64 MiB, 4 hits of
     * memory.max.
     */
    static final ContainerSample.Spec V2_SPEC = new ContainerSample.Spec(Optional.of(new CpuWeight(100)),
            Optional.of(Limit.of(256L << 20)), Optional.of(Limit.of(64L << 20)), Optional.empty(),
            OptionalLong.of(4), Optional.of(CREATED));

    /** Every value readable: 1.5 s CPU, a 50 ms / 100 ms quota, 200 MiB used of which 40 MiB inactive file. */
    static ContainerSample full(String name) {
        ContainerSample.Cpu cpu = new ContainerSample.Cpu(OptionalLong.of(1_500_000), OptionalLong.of(1_000_000),
                OptionalLong.of(500_000), OptionalLong.of(30), OptionalLong.of(7), OptionalLong.of(250_000),
                Optional.of(Limit.of(50_000)), OptionalLong.of(100_000));
        ContainerSample.Memory mem = new ContainerSample.Memory(OptionalLong.of(200L << 20),
                OptionalLong.of(150L << 20), OptionalLong.of(50L << 20), OptionalLong.of(40L << 20),
                Optional.of(Limit.of(512L << 20)), OptionalLong.of(2), OptionalLong.of(0));
        List<ContainerSample.IoDevice> io = List.of(
                new ContainerSample.IoDevice(new BlockDevice(8, 0, "sda", true), 4096, 8192, 1, 2),
                new ContainerSample.IoDevice(new BlockDevice(253, 0, "dm-0(vg-root)", false), 10, 20, 3, 4));
        List<NetDevCounters> net = List.of(
                new NetDevCounters("lo", 999, 9, 0, 0, 999, 9, 0, 0),
                new NetDevCounters("eth0", 1000, 10, 0, 0, 2000, 20, 0, 0));
        Pressure psi = new Pressure(new PressureLine(12.5, 3.0, 0, 2_000_000), Optional.of(new PressureLine(1.0, 0, 0, 500_000)));
        return new ContainerSample(AT, identity(name, "/berth/" + name), ContainerState.FROZEN, cpu, mem,
                Optional.of(io), Optional.of(net), new ContainerSample.Pids(OptionalLong.of(5), Optional.of(Limit.UNLIMITED)),
                Optional.of(psi), Optional.empty(), Optional.empty(), ContainerSample.ReadTimes.all(AT), V2_SPEC);
    }

    /** {@code s} with other slow-cadence values. */
    static ContainerSample withSpec(ContainerSample s, ContainerSample.Spec spec) {
        return new ContainerSample(s.at(), s.identity(), s.state(), s.cpu(), s.memory(), s.io(), s.net(), s.pids(),
                s.cpuPressure(), s.memoryPressure(), s.ioPressure(), s.readTimes(), spec);
    }

    /** Nothing readable (a cgroup in no controller's hierarchy). */
    static ContainerSample empty(String name) {
        ContainerSample.Cpu cpu = new ContainerSample.Cpu(OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                Optional.empty(), OptionalLong.empty());
        ContainerSample.Memory mem = new ContainerSample.Memory(OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty(), OptionalLong.empty(), Optional.empty(), OptionalLong.empty(),
                OptionalLong.empty());
        return new ContainerSample(AT, identity(name, "/berth/" + name), ContainerState.RUNNING, cpu, mem,
                Optional.empty(), Optional.empty(), new ContainerSample.Pids(OptionalLong.empty(), Optional.empty()),
                Optional.empty(), Optional.empty(), Optional.empty());
    }
}
