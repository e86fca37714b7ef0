package dev.berth.collectors;

import dev.berth.collectors.proc.BlockDevices;
import dev.berth.collectors.proc.DiskCounters;
import dev.berth.collectors.proc.LoadAverage;
import dev.berth.collectors.proc.NetDevCounters;
import dev.berth.collectors.proc.ProcParseException;
import dev.berth.collectors.proc.ProcParsers;
import dev.berth.collectors.proc.ProcStat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Samples host counters from procfs and sysfs under the given roots.
 *
 * <p>Why procfs directly rather than OSHI: OSHI resolves {@code /proc} once, in a static
 * ({@code oshi.util.platform.linux.ProcPath}), so it cannot honour {@code --procfs}/{@code --sysfs} or read a
 * fixture tree; and its process and disk listings are measurably too slow for a refresh of 1 s or less.
 * Measured by {@code bench/collectors/run.sh} on the 2-core CI VM (Linux 6.18), thread CPU time per call, median
 * (bench/collectors/RESULTS.txt): this sampler's whole {@code sample()} with 257 processes 4.1 ms (0.1 ms
 * without processes); OSHI {@code getProcesses()} alone 9.9 ms and {@code getDiskStores()} with
 * {@code updateAttributes()} 3.8 ms (udev enumeration): 14 ms, more than three times as much, before OSHI's
 * network and CPU calls. An earlier, quieter run gave 1.7 ms against 13.8 + 4.4 ms. OSHI stays in the benchmark
 * as the reference.
 *
 * <p>Stateless apart from the immutable roots; thread-safe.
 */
public final class HostSampler {
    private final Path procfs;
    private final BlockDevices blockDevices;
    private final ProcessSampler processes;
    private final InstantSource clock;

    /**
     * @param procfs       procfs root
     * @param blockDevices whole-disk rule over the sysfs root
     * @param processes    process reader over the same procfs
     * @param clock        timestamps for samples
     */
    public HostSampler(Path procfs, BlockDevices blockDevices, ProcessSampler processes, InstantSource clock) {
        this.procfs = procfs;
        this.blockDevices = blockDevices;
        this.processes = processes;
        this.clock = clock;
    }

    /**
     * Reads {@code stat}, {@code loadavg}, {@code meminfo}, {@code diskstats}, {@code 1/net/dev} and every
     * process. A part that cannot be read is empty and its reason goes to {@code warnings}.
     */
    public HostSample sample(boolean withProcesses, Consumer<String> warnings) {
        var at = clock.instant();
        Optional<ProcStat> stat = read("stat", warnings, ProcParsers::parseStat);
        Optional<LoadAverage> load = read("loadavg", warnings, ProcParsers::parseLoadavg);
        Optional<HostMemory> memory = read("meminfo", warnings,
                (file, text) -> memory(file, ProcParsers.parseMeminfo(file, text)));
        Optional<List<HostSample.Disk>> disks = read("diskstats", warnings, ProcParsers::parseDiskstats)
                .map(this::disks);
        // pid 1's namespace is the host's even when berth itself runs in another one.
        String netFile = Files.exists(procfs.resolve("1/net/dev")) ? "1/net/dev" : "net/dev";
        Optional<List<NetDevCounters>> net = read(netFile, warnings, ProcParsers::parseNetDev);
        Optional<List<ProcessSample>> procs = Optional.empty();
        if (withProcesses) {
            try {
                procs = Optional.of(processes.sampleAll());
            } catch (IOException e) {
                warnings.accept("cannot list processes in " + procfs + ": " + e.getMessage());
            }
        }
        return new HostSample(at, stat, load, memory, disks, net, procs);
    }

    /** Samples everything, including processes, discarding warnings. */
    public HostSample sample() {
        return sample(true, w -> { });
    }

    private List<HostSample.Disk> disks(List<DiskCounters> all) {
        List<HostSample.Disk> out = new ArrayList<>(all.size());
        for (DiskCounters d : all) {
            out.add(new HostSample.Disk(blockDevices.lookup(d.major(), d.minor()), d));
        }
        return out;
    }

    private static HostMemory memory(Path file, Map<String, Long> m) throws ProcParseException {
        Long avail = m.get("MemAvailable");
        return new HostMemory(required(file, m, "MemTotal"), required(file, m, "MemFree"),
                avail == null ? OptionalLong.empty() : OptionalLong.of(avail), required(file, m, "Buffers"),
                required(file, m, "Cached"), required(file, m, "SwapTotal"), required(file, m, "SwapFree"));
    }

    private static long required(Path file, Map<String, Long> m, String key) throws ProcParseException {
        Long v = m.get(key);
        if (v == null) {
            throw new ProcParseException(file, "no " + key + " line", null);
        }
        return v;
    }

    private interface Parser<T> {
        T parse(Path file, String text) throws ProcParseException;
    }

    private <T> Optional<T> read(String name, Consumer<String> warnings, Parser<T> parser) {
        Path file = procfs.resolve(name);
        try {
            return Optional.of(parser.parse(file, Files.readString(file)));
        } catch (IOException e) {
            warnings.accept("cannot read " + file + ": " + e);
        } catch (ProcParseException e) {
            warnings.accept(e.getMessage());
        }
        return Optional.empty();
    }
}
