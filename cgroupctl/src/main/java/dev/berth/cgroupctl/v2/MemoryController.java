package dev.berth.cgroupctl.v2;

import dev.berth.cgroupctl.MemoryLimits;
import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.Limit;
import dev.berth.cgroupctl.MemoryCurrent;
import dev.berth.cgroupctl.MemoryEvents;
import dev.berth.cgroupctl.MemoryStat;
import dev.berth.cgroupctl.MemoryUsage;
import dev.berth.cgroupctl.format.FlatKeyedFormat;
import dev.berth.cgroupctl.format.MalformedContentException;
import dev.berth.cgroupctl.format.SingleValueFormat;
import dev.berth.cgroupctl.kernfs.CgroupDir;
import dev.berth.cgroupctl.kernfs.WriteJournal;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The v2 memory controller: {@code memory.current}, {@code memory.max}, {@code memory.high},
 * {@code memory.swap.max}/{@code memory.swap.current} (absent without swap accounting), {@code memory.stat},
 * {@code memory.events}. None of these exist in the root cgroup.
 */
public final class MemoryController {
    private final CgroupDir dir;

    /** @param dir the cgroup's directory */
    public MemoryController(CgroupDir dir) {
        this.dir = dir;
    }

    /** Reads usage and limits. @return the usage @throws CgroupException on failure */
    public MemoryUsage readMemory() throws CgroupException {
        long current = dir.read("memory.current", SingleValueFormat::parseUnsigned);
        MemoryLimits l = readMemoryLimits();
        OptionalLong swapCurrent = dir.has("memory.swap.current")
                ? OptionalLong.of(dir.read("memory.swap.current", SingleValueFormat::parseUnsigned))
                : OptionalLong.empty();
        return new MemoryUsage(current, l.maxBytes(), l.highBytes(), l.swapMaxBytes(), swapCurrent, l.failcnt());
    }

    /**
     * Reads the limits of {@link #readMemory()} without its usage files.
     *
     * @return the limits
     * @throws CgroupException on failure
     */
    public MemoryLimits readMemoryLimits() throws CgroupException {
        Limit max = dir.read("memory.max", SingleValueFormat::parseLimit);
        Limit high = dir.read("memory.high", SingleValueFormat::parseLimit);
        Optional<Limit> swapMax = dir.has("memory.swap.max")
                ? Optional.of(dir.read("memory.swap.max", SingleValueFormat::parseLimit)) : Optional.empty();
        return new MemoryLimits(max, high, swapMax, OptionalLong.empty(), Optional.empty());
    }

    /** Reads {@code memory.current}. @return bytes in use @throws CgroupException on failure */
    public long readUsageBytes() throws CgroupException {
        return dir.readBytes("memory.current", SingleValueFormat::parseUnsigned);
    }

    /**
     * Reads {@code memory.current} and {@code memory.swap.current}: the per-tick part of {@link #readMemory()}.
     *
     * @return the usage
     * @throws CgroupException on failure
     */
    public MemoryCurrent readMemoryCurrent() throws CgroupException {
        long current = dir.readBytes("memory.current", SingleValueFormat::parseUnsigned);
        OptionalLong swap = dir.has("memory.swap.current")
                ? OptionalLong.of(dir.readBytes("memory.swap.current", SingleValueFormat::parseUnsigned))
                : OptionalLong.empty();
        return new MemoryCurrent(current, swap);
    }

    /**
     * Reads the named keys of {@code memory.stat} in place.
     *
     * @param keys the keys wanted
     * @return those the kernel printed
     * @throws CgroupException on failure
     */
    public MemoryStat readMemoryStat(FlatKeyedFormat.Keys keys) throws CgroupException {
        long[] v = new long[keys.size()];
        long found = dir.readBytes("memory.stat", (c, n) -> FlatKeyedFormat.parse(c, n, keys, v, false));
        return new MemoryStat(FlatKeyedFormat.found(keys, v, found));
    }

    /** Reads {@code memory.stat}. @return every key @throws CgroupException on failure */
    public MemoryStat readMemoryStat() throws CgroupException {
        return new MemoryStat(dir.read("memory.stat", FlatKeyedFormat::parse));
    }

    /** Reads {@code memory.events}. @return the counters @throws CgroupException on failure */
    public MemoryEvents readMemoryEvents() throws CgroupException {
        return dir.read("memory.events", MemoryController::parseMemoryEvents);
    }

    static MemoryEvents parseMemoryEvents(String content) throws MalformedContentException {
        Map<String, Long> m = FlatKeyedFormat.parse(content);
        return new MemoryEvents(FlatKeyedFormat.require(m, "oom"), FlatKeyedFormat.require(m, "oom_kill"),
                opt(m, "low"), opt(m, "high"), opt(m, "max"), opt(m, "oom_group_kill"), OptionalLong.empty());
    }

    /** Writes {@code memory.max}. @throws CgroupException if refused */
    public void writeMemoryMax(Limit v, WriteJournal j) throws CgroupException {
        dir.write("memory.max", v.toString(), j);
    }

    /** Writes {@code memory.high}. @throws CgroupException if refused */
    public void writeMemoryHigh(Limit v, WriteJournal j) throws CgroupException {
        dir.write("memory.high", v.toString(), j);
    }

    /** Writes {@code memory.swap.max}. @throws CgroupException if refused or swap accounting is off */
    public void writeMemorySwapMax(Limit v, WriteJournal j) throws CgroupException {
        dir.write("memory.swap.max", v.toString(), j);
    }

    private static OptionalLong opt(Map<String, Long> m, String key) {
        Long v = m.get(key);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }
}
