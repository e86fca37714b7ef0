package dev.berth.collectors;

import dev.berth.collectors.proc.BlockDevice;
import dev.berth.collectors.proc.DiskCounters;
import dev.berth.collectors.proc.LoadAverage;
import dev.berth.collectors.proc.NetDevCounters;
import dev.berth.collectors.proc.ProcStat;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Raw host counters at one instant, read by {@link HostSampler}. Each part is empty when its file could not be
 * read (the reason is in {@link Snapshot#warnings()}). Immutable.
 *
 * @param at        when (the collector's clock)
 * @param stat      {@code /proc/stat}
 * @param load      {@code /proc/loadavg}
 * @param memory    {@code /proc/meminfo}
 * @param disks     {@code /proc/diskstats}, every device, each with its whole-disk verdict
 * @param net       {@code /proc/1/net/dev}: the host's (pid 1's) network namespace, whatever namespace berth runs in
 * @param processes every process
 * @param readTimes when the files behind each rate were read
 */
public record HostSample(Instant at, Optional<ProcStat> stat, Optional<LoadAverage> load, Optional<HostMemory> memory,
        Optional<List<Disk>> disks, Optional<List<NetDevCounters>> net, Optional<List<ProcessSample>> processes,
        ReadTimes readTimes) {

    /** A sample whose files were all read at {@code at} (fixtures, tests). */
    public HostSample(Instant at, Optional<ProcStat> stat, Optional<LoadAverage> load, Optional<HostMemory> memory,
            Optional<List<Disk>> disks, Optional<List<NetDevCounters>> net, Optional<List<ProcessSample>> processes) {
        this(at, stat, load, memory, disks, net, processes, ReadTimes.all(at));
    }

    /**
     * When each rate's files were read (the clock read right before the file, which is already open).
     *
     * @param disks     {@code diskstats}
     * @param net       {@code net/dev}
     * @param processes the start of the process listing
     */
    public record ReadTimes(Instant disks, Instant net, Instant processes) {
        /** @return every file read at {@code at} */
        public static ReadTimes all(Instant at) {
            return new ReadTimes(at, at, at);
        }
    }

    /** One device of {@code /proc/diskstats} with its sysfs description. */
    public record Disk(BlockDevice device, DiskCounters counters) {
    }
}
