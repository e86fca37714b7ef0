package dev.berth.collectors;

import dev.berth.cgroupctl.KernelFile;
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
import java.time.Instant;
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
 * <p>The five files are kept open and re-read from offset 0 ({@link KernelFile}: also a size cap, and a FIFO in
 * place of a file is refused instead of blocking). Not thread-safe: one sampling thread.
 */
public final class HostSampler implements AutoCloseable {
    private final Path procfs;
    private final BlockDevices blockDevices;
    private final ProcessSampler processes;
    private final InstantSource clock;
    private final KernelFile stat;
    private final KernelFile loadavg;
    private final KernelFile meminfo;
    private final KernelFile diskstats;
    private final KernelFile netDev;

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
        this.stat = open("stat");
        this.loadavg = open("loadavg");
        this.meminfo = open("meminfo");
        this.diskstats = open("diskstats");
        // pid 1's namespace is the host's even when berth itself runs in another one.
        this.netDev = open(Files.exists(procfs.resolve("1/net/dev")) ? "1/net/dev" : "net/dev");
    }

    private KernelFile open(String name) {
        return new KernelFile(procfs.resolve(name), KernelFile.DEFAULT_CAP, true);
    }

    /**
     * Reads {@code stat}, {@code loadavg}, {@code meminfo}, {@code diskstats}, {@code 1/net/dev} and every
     * process. A part that cannot be read is empty and its reason goes to {@code warnings}.
     */
    public HostSample sample(boolean withProcesses, Consumer<String> warnings) {
        Instant[] readAt = new Instant[1];
        Optional<ProcStat> cpu = read(stat, warnings, ProcParsers::parseStat, readAt);
        Instant at = readAt[0];
        Optional<LoadAverage> load = read(loadavg, warnings, ProcParsers::parseLoadavg, readAt);
        Optional<HostMemory> memory = read(meminfo, warnings,
                (file, text) -> memory(file, ProcParsers.parseMeminfo(file, text)), readAt);
        Optional<List<HostSample.Disk>> disks = read(diskstats, warnings, ProcParsers::parseDiskstats, readAt)
                .map(this::disks);
        Instant disksAt = readAt[0];
        Optional<List<NetDevCounters>> net = read(netDev, warnings, ProcParsers::parseNetDev, readAt);
        Instant netAt = readAt[0];
        Optional<List<ProcessSample>> procs = Optional.empty();
        Instant procsAt = clock.instant();
        if (withProcesses) {
            try {
                procs = Optional.of(processes.sampleAll());
            } catch (IOException e) {
                warnings.accept("cannot list processes in " + procfs + ": " + e.getMessage());
            }
        }
        return new HostSample(at, cpu, load, memory, disks, net, procs,
                new HostSample.ReadTimes(disksAt, netAt, procsAt));
    }

    @Override
    public void close() {
        stat.close();
        loadavg.close();
        meminfo.close();
        diskstats.close();
        netDev.close();
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

    /**
     * Opens {@code file} if needed, reads the clock into {@code readAt[0]}, then reads and parses the file: nothing
     * but the read between the time and the kernel's values.
     */
    private <T> Optional<T> read(KernelFile file, Consumer<String> warnings, Parser<T> parser, Instant[] readAt) {
        try {
            file.open();
            readAt[0] = clock.instant();
            return Optional.of(parser.parse(file.path(), file.readString()));
        } catch (IOException e) {
            readAt[0] = clock.instant();
            warnings.accept("cannot read " + file.path() + ": " + reason(e));
        } catch (ProcParseException e) {
            warnings.accept(e.getMessage());
        }
        return Optional.empty();
    }

    /** The reason of an I/O error without the file name, which the caller's message already has. */
    static String reason(IOException e) {
        if (e instanceof java.nio.file.FileSystemException f) {
            if (f.getReason() != null) {
                return f.getReason();
            }
            if (e instanceof java.nio.file.NoSuchFileException) {
                return "no such file";
            }
            if (e instanceof java.nio.file.AccessDeniedException) {
                return "permission denied";
            }
            return e.getClass().getSimpleName();
        }
        return String.valueOf(e.getMessage());
    }
}
