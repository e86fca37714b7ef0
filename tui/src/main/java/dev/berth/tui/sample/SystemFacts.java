package dev.berth.tui.sample;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.OptionalDouble;

/**
 * The header's facts the collectors do not model: host name and uptime (from the given procfs)
 * and berth's own CPU use and RSS (from the JVM and the real {@code /proc/self}, since they are
 * properties of this process even when {@code procfs} is a fixture tree). Not thread-safe: the
 * sampler thread calls it.
 */
public final class SystemFacts {
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
    private long lastCpuNanos = -1;
    private long lastWallNanos;

    /** Facts read from {@code procfs}; the host name is read once. */
    public SystemFacts(Path procfs, InstantSource clock) {
        this.procfs = procfs;
        this.clock = clock;
        this.hostname = readFirstLine(procfs.resolve("sys/kernel/hostname")).strip();
    }

    /** The host name ({@code /proc/sys/kernel/hostname}); {@code ?} when unreadable. */
    public String hostname() {
        return hostname.isEmpty() ? "?" : hostname;
    }

    /** Time since boot ({@code /proc/uptime}); zero when unreadable. */
    public Duration uptime() {
        String[] f = readFirstLine(procfs.resolve("uptime")).split("\\s+");
        try {
            return Duration.ofMillis(Math.round(Double.parseDouble(f[0]) * 1000));
        } catch (NumberFormatException e) {
            return Duration.ZERO;
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
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }

    /** RSS from {@code /proc/self/statm} (second field, in pages). */
    private static long rss() {
        String[] f = readFirstLine(Path.of("/proc/self/statm")).split("\\s+");
        try {
            return Long.parseLong(f[1]) * 4096;
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return 0;
        }
    }

    private static String readFirstLine(Path p) {
        try {
            String s = Files.readString(p);
            int nl = s.indexOf('\n');
            return nl < 0 ? s : s.substring(0, nl);
        } catch (IOException e) {
            return "";
        }
    }
}
