package dev.berth.tui.sample;

import dev.berth.cgroupctl.KernelFile;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The header's facts the collectors do not model: host name and uptime (from the given procfs)
 * and berth's own CPU use and RSS (from the JVM and the real {@code /proc/self}, since they are
 * properties of this process even when {@code procfs} is a fixture tree). The two files read every tick
 * ({@code uptime}, {@code /proc/self/statm}) are held open and re-read from offset 0, as the collectors' files
 * are. Not thread-safe: the sampler thread calls it.
 */
public final class SystemFacts implements AutoCloseable {
    /**
     * berth's own cost.
     *
     * @param cpuPct CPU since the previous call, percent of one core; empty on the first call
     * @param rssBytes resident set size. Units: bytes
     */
    public record Self(OptionalDouble cpuPct, long rssBytes) {
    }

    private final Path procfs;
    private final InstantSource clock;
    private final String hostname;
    private final KernelFile uptimeFile;
    private final KernelFile statm = new KernelFile(Path.of("/proc/self/statm"), SMALL, true);
    private long lastCpuNanos = -1;
    private long lastWallNanos;

    /** Both files are one short line; a larger one is not the kernel's. */
    private static final int SMALL = 4096;
    private static final com.sun.management.OperatingSystemMXBean OS =
            ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean o ? o : null;

    /** Facts read from {@code procfs}; the host name is read once. */
    public SystemFacts(Path procfs, InstantSource clock) {
        this.procfs = procfs;
        this.clock = clock;
        this.hostname = firstLine(new KernelFile(procfs.resolve("sys/kernel/hostname"), SMALL, false)).strip();
        this.uptimeFile = new KernelFile(procfs.resolve("uptime"), SMALL, true);
    }

    /** The host name ({@code /proc/sys/kernel/hostname}); {@code ?} when unreadable. */
    public String hostname() {
        return hostname.isEmpty() ? "?" : hostname;
    }

    /** Time since boot ({@code /proc/uptime}, its first field); empty when unreadable. */
    public Optional<Duration> uptime() {
        String line = firstLine(uptimeFile);
        int space = line.indexOf(' ');
        try {
            return Optional.of(Duration.ofMillis(Math.round(
                    Double.parseDouble(space < 0 ? line : line.substring(0, space)) * 1000)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** berth's CPU use since the previous call and its RSS. */
    public Self self() {
        long cpu = processCpuNanos();
        long wall = clock.instant().toEpochMilli() * 1_000_000L;
        OptionalDouble pct = OptionalDouble.empty();
        if (lastCpuNanos >= 0 && cpu >= lastCpuNanos && wall > lastWallNanos) {
            pct = OptionalDouble.of(100.0 * (cpu - lastCpuNanos) / (wall - lastWallNanos));
        }
        lastCpuNanos = cpu;
        lastWallNanos = wall;
        return new Self(pct, rss());
    }

    private static long processCpuNanos() {
        return OS == null ? -1 : OS.getProcessCpuTime();
    }

    /** RSS from {@code /proc/self/statm} (second field, in pages). */
    private long rss() {
        String[] f = firstLine(statm).split(" ");
        try {
            return Long.parseLong(f[1]) * 4096;
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return 0;
        }
    }

    /** The first line of {@code f}, read again; empty when unreadable (the callers then say unknown). */
    private static String firstLine(KernelFile f) {
        try {
            int n = f.read();
            byte[] b = f.bytes();
            int end = 0;
            while (end < n && b[end] != '\n') {
                end++;
            }
            return new String(b, 0, end, java.nio.charset.StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return "";
        }
    }

    /** Closes the held files. */
    @Override
    public void close() {
        uptimeFile.close();
        statm.close();
    }
}
