package dev.berth.collectors;

import dev.berth.cgroupctl.CpuWeight;
import dev.berth.cgroupctl.Limit;
import dev.berth.cgroupctl.Pressure;
import dev.berth.collectors.proc.BlockDevice;
import dev.berth.collectors.proc.NetDevCounters;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Raw counters of one container at one instant, as read by {@link ContainerSampler}. No rates: those need two
 * samples and are derived by {@link ContainerModel#derive}. Every value that could not be read is an empty
 * Optional, never 0. Immutable.
 *
 * @param at       when the sample was taken (from the collector's injected clock)
 * @param identity who the container is
 * @param state    running, frozen or exited
 * @param cpu      CPU counters
 * @param memory   memory counters
 * @param io       block IO counters, per device; empty Optional when the IO controller is unavailable
 * @param net      per-interface counters of the container's own network namespace; empty Optional when the
 *                 container shares the host's namespace, has no member process or the file is unreadable
 * @param pids     pids controller
 * @param cpuPressure    {@code cpu.pressure}
 * @param memoryPressure {@code memory.pressure}
 * @param ioPressure     {@code io.pressure}
 * @param readTimes      when each counter file was read; rates divide by the time between two readings of the
 *                       same counter, not between two samples' {@code at}
 * @param spec           the rarely-changing values read on the slow cadence beside the limits;
 *                       {@link Spec#UNKNOWN} for samples built without them (fixtures, history frames)
 */
public record ContainerSample(Instant at, ContainerIdentity identity, ContainerState state, Cpu cpu, Memory memory,
        Optional<List<IoDevice>> io, Optional<List<NetDevCounters>> net, Pids pids, Optional<Pressure> cpuPressure,
        Optional<Pressure> memoryPressure, Optional<Pressure> ioPressure, ReadTimes readTimes, Spec spec) {

    /** A sample without {@link Spec} values (history frames, fixtures). */
    public ContainerSample(Instant at, ContainerIdentity identity, ContainerState state, Cpu cpu, Memory memory,
            Optional<List<IoDevice>> io, Optional<List<NetDevCounters>> net, Pids pids, Optional<Pressure> cpuPressure,
            Optional<Pressure> memoryPressure, Optional<Pressure> ioPressure, ReadTimes readTimes) {
        this(at, identity, state, cpu, memory, io, net, pids, cpuPressure, memoryPressure, ioPressure, readTimes,
                Spec.UNKNOWN);
    }

    /** A sample whose counters were all read at {@code at} (fixtures, tests, samples recorded before read times). */
    public ContainerSample(Instant at, ContainerIdentity identity, ContainerState state, Cpu cpu, Memory memory,
            Optional<List<IoDevice>> io, Optional<List<NetDevCounters>> net, Pids pids, Optional<Pressure> cpuPressure,
            Optional<Pressure> memoryPressure, Optional<Pressure> ioPressure) {
        this(at, identity, state, cpu, memory, io, net, pids, cpuPressure, memoryPressure, ioPressure,
                ReadTimes.all(at));
    }

    /**
     * What cAdvisor calls a container's spec, and a counter that moves as rarely: read with the limits on the
     * sampler's slow cadence ({@link ContainerSampler#DEFAULT_LIMITS_PERIOD}), so shown up to one period late.
     * Each is empty when it could not be read or the kernel has no such file.
     *
     * @param cpuWeight       {@code cpu.weight} (v1: {@code cpu.shares}, the raw shares kept in
     *                        {@link CpuWeight#shares()})
     * @param memoryHighBytes {@code memory.high}; unlimited when "max", and on v1, which has no such knob
     * @param swapLimitBytes  the swap allowance alone: v2 {@code memory.swap.max}, v1 memsw limit minus memory
     *                        limit; empty without swap accounting
     * @param memoryAndSwapLimitBytes v1 {@code memory.memsw.limit_in_bytes} (memory plus swap) as the kernel shows
     *                        it; empty on v2, which has no combined limit
     * @param memoryLimitHits times usage hit the memory limit: v1 {@code memory.failcnt}, v2 {@code memory.events
     *                        max} (the kernel's count of charges that reached {@code memory.max}); a counter
     * @param createdAt       when the cgroup was made, as cAdvisor estimates it ({@code Cgroup#readCreationTime});
     *                        read once, when the cgroup is first held
     */
    public record Spec(Optional<CpuWeight> cpuWeight, Optional<Limit> memoryHighBytes, Optional<Limit> swapLimitBytes,
            Optional<Limit> memoryAndSwapLimitBytes, OptionalLong memoryLimitHits, Optional<Instant> createdAt) {
        /** Nothing read. */
        public static final Spec UNKNOWN = new Spec(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), OptionalLong.empty(), Optional.empty());
    }

    /**
     * When the counters behind each rate were read: the clock is read right before the file, after the file is open
     * and nothing else (no parsing, no class loading) is left between the two.
     *
     * @param cpu the CPU usage and throttling files
     * @param io  the block IO files
     * @param net the namespace's {@code net/dev}
     */
    public record ReadTimes(Instant cpu, Instant io, Instant net) {
        /** @return every counter read at {@code at} */
        public static ReadTimes all(Instant at) {
            return new ReadTimes(at, at, at);
        }
    }

    /**
     * CPU counters, microseconds since the cgroup was created.
     *
     * @param usageUsec         total CPU time ({@code cpu.stat usage_usec}, v1 {@code cpuacct.usage})
     * @param userUsec          user part
     * @param systemUsec        system part
     * @param periods           enforcement periods elapsed ({@code nr_periods})
     * @param throttledPeriods  periods in which the quota ran out ({@code nr_throttled})
     * @param throttledUsec     time throttled ({@code throttled_usec}, v1 {@code throttled_time}/1000)
     * @param quotaUsec         quota per period ({@code cpu.max}, v1 {@code cpu.cfs_quota_us}); unlimited when "max"/-1
     * @param periodUsec        the period the quota applies to
     */
    public record Cpu(OptionalLong usageUsec, OptionalLong userUsec, OptionalLong systemUsec, OptionalLong periods,
            OptionalLong throttledPeriods, OptionalLong throttledUsec, Optional<Limit> quotaUsec,
            OptionalLong periodUsec) {
    }

    /**
     * Memory counters, bytes.
     *
     * @param usageBytes        {@code memory.current} (v1 {@code memory.usage_in_bytes}), page cache included
     * @param anonBytes         {@code memory.stat anon} (v1 {@code total_rss})
     * @param fileBytes         {@code memory.stat file} (v1 {@code total_cache})
     * @param inactiveFileBytes {@code memory.stat inactive_file} (v1 {@code total_inactive_file})
     * @param limitBytes        {@code memory.max} (v1 {@code memory.limit_in_bytes}); unlimited when "max"
     * @param oomKills          {@code memory.events oom_kill} (v1 {@code memory.oom_control oom_kill})
     * @param swapBytes         {@code memory.swap.current}
     */
    public record Memory(OptionalLong usageBytes, OptionalLong anonBytes, OptionalLong fileBytes,
            OptionalLong inactiveFileBytes, Optional<Limit> limitBytes, OptionalLong oomKills,
            OptionalLong swapBytes) {
    }

    /**
     * One device of {@code io.stat} (v1 {@code blkio.throttle.io_service_bytes/io_serviced}).
     *
     * @param device the device, with the whole-disk verdict of {@link dev.berth.collectors.proc.BlockDevices}
     */
    public record IoDevice(BlockDevice device, long readBytes, long writeBytes, long readOps, long writeOps) {
    }

    /**
     * Pids controller.
     *
     * @param current {@code pids.current}
     * @param limit   {@code pids.max}; unlimited when "max"
     */
    public record Pids(OptionalLong current, Optional<Limit> limit) {
    }
}
