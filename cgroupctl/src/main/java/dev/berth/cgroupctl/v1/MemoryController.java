package dev.berth.cgroupctl.v1;

import dev.berth.cgroupctl.MemoryLimits;
import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.CgroupWriteException;
import dev.berth.cgroupctl.ControllerUnavailableException;
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
 * The v1 memory controller: {@code memory.usage_in_bytes}, {@code memory.limit_in_bytes}, {@code memory.failcnt},
 * {@code memory.memsw.*} (memory+swap; absent without swap accounting), {@code memory.stat},
 * {@code memory.oom_control}.
 */
public final class MemoryController {
    private static final String LIMIT = "memory.limit_in_bytes";
    private static final String MEMSW = "memory.memsw.limit_in_bytes";

    private final CgroupDir dir;

    /** @param dir the cgroup's directory in the memory hierarchy */
    public MemoryController(CgroupDir dir) {
        this.dir = dir;
    }

    /**
     * v1 shows "no limit" as {@code PAGE_COUNTER_MAX * PAGE_SIZE}, i.e. {@code LONG_MAX} rounded down to a page
     * (9223372036854771712 with 4 KiB pages, 9223372036854710272 with 64 KiB). Anything within 1 MiB of
     * {@code LONG_MAX} is that value for some page size, and no real limit is that large.
     */
    static Limit limitOf(long bytes) {
        return bytes > Long.MAX_VALUE - (1L << 20) || bytes < 0 ? Limit.UNLIMITED : Limit.of(bytes);
    }

    static Limit parseLimit(String content) throws MalformedContentException {
        return limitOf(SingleValueFormat.parseLong(content));
    }

    /** Reads usage, limit, swap and failcnt. @return the usage @throws CgroupException on failure */
    public MemoryUsage readMemory() throws CgroupException {
        long usage = dir.read("memory.usage_in_bytes", SingleValueFormat::parseUnsigned);
        MemoryLimits l = readMemoryLimits();
        OptionalLong swapUsage = OptionalLong.empty();
        if (l.memoryAndSwapMaxBytes().isPresent()) {
            long memswUsage = dir.read("memory.memsw.usage_in_bytes", SingleValueFormat::parseUnsigned);
            swapUsage = OptionalLong.of(Math.max(0, memswUsage - usage));
        }
        return new MemoryUsage(usage, l.maxBytes(), l.highBytes(), l.swapMaxBytes(), swapUsage, l.failcnt(),
                l.memoryAndSwapMaxBytes());
    }

    /**
     * Reads the limits of {@link #readMemory()} without its two usage files.
     *
     * @return the limits
     * @throws CgroupException on failure
     */
    public MemoryLimits readMemoryLimits() throws CgroupException {
        Limit max = dir.read(LIMIT, MemoryController::parseLimit);
        long failcnt = dir.read("memory.failcnt", SingleValueFormat::parseUnsigned);
        Optional<Limit> swapMax = Optional.empty();
        Optional<Limit> memswMax = Optional.empty();
        if (dir.has(MEMSW)) {
            Limit memsw = dir.read(MEMSW, MemoryController::parseLimit);
            memswMax = Optional.of(memsw);
            swapMax = Optional.of(swapOf(max, memsw));
        }
        return new MemoryLimits(max, Limit.UNLIMITED, swapMax, OptionalLong.of(failcnt), memswMax);
    }

    /** Reads {@code memory.limit_in_bytes}. @return the limit @throws CgroupException on failure */
    public Limit readMemoryMax() throws CgroupException {
        return dir.read(LIMIT, MemoryController::parseLimit);
    }

    /** Reads {@code memory.usage_in_bytes}. @return bytes in use @throws CgroupException on failure */
    public long readUsageBytes() throws CgroupException {
        return dir.readBytes("memory.usage_in_bytes", SingleValueFormat::parseUnsigned);
    }

    /**
     * Reads usage and, with swap accounting, memsw usage: the per-tick part of {@link #readMemory()}.
     *
     * @return the usage
     * @throws CgroupException on failure
     */
    public MemoryCurrent readMemoryCurrent() throws CgroupException {
        long usage = dir.readBytes("memory.usage_in_bytes", SingleValueFormat::parseUnsigned);
        OptionalLong swap = OptionalLong.empty();
        if (dir.has(MEMSW)) {
            long memsw = dir.readBytes("memory.memsw.usage_in_bytes", SingleValueFormat::parseUnsigned);
            swap = OptionalLong.of(Math.max(0, memsw - usage));
        }
        return new MemoryCurrent(usage, swap);
    }

    /**
     * Reads the named keys of {@code memory.stat} in place, negatives clamped to 0 as {@link #readMemoryStat()}.
     *
     * @param keys the keys wanted
     * @return those the kernel printed
     * @throws CgroupException on failure
     */
    public MemoryStat readMemoryStat(FlatKeyedFormat.Keys keys) throws CgroupException {
        long[] v = new long[keys.size()];
        long found = dir.readBytes("memory.stat", (c, n) -> FlatKeyedFormat.parse(c, n, keys, v, true));
        return new MemoryStat(FlatKeyedFormat.found(keys, v, found));
    }

    /** Swap allowance = memsw - memory; unlimited when either is. */
    private static Limit swapOf(Limit memory, Limit memsw) {
        if (memory.isUnlimited() || memsw.isUnlimited()) {
            return Limit.UNLIMITED;
        }
        return Limit.of(Math.max(0, memsw.value().getAsLong() - memory.value().getAsLong()));
    }

    /**
     * Reads {@code memory.stat}, clamping negative values to 0 ({@link FlatKeyedFormat#parseClampingNegatives}).
     *
     * @return every key
     * @throws CgroupException on failure
     */
    public MemoryStat readMemoryStat() throws CgroupException {
        return new MemoryStat(dir.read("memory.stat", FlatKeyedFormat::parseClampingNegatives));
    }

    /**
     * Reads {@code memory.oom_control} ({@code oom_kill_disable under_oom oom_kill}; {@code oom_kill} since 4.13).
     *
     * @return the counters
     * @throws CgroupException on failure
     */
    public MemoryEvents readMemoryEvents() throws CgroupException {
        java.util.Optional<MemoryEvents> ev = dir.read("memory.oom_control", MemoryController::parseOomControl);
        return ev.orElseThrow(() -> new ControllerUnavailableException(dir.path().resolve("memory.oom_control"),
                "no oom_kill counter (needs Linux 4.13+)", null));
    }

    private static final FlatKeyedFormat.Keys OOM_CONTROL = new FlatKeyedFormat.Keys("under_oom", "oom_kill");

    /** {@link #parseOomControl(String)} in place. */
    static Optional<MemoryEvents> parseOomControl(byte[] content, int length) throws MalformedContentException {
        long[] v = new long[2];
        long found = FlatKeyedFormat.parse(content, length, OOM_CONTROL, v, false);
        if ((found & 1) == 0) {
            throw new MalformedContentException("", "missing key \"under_oom\"");
        }
        if ((found & 2) == 0) {
            return Optional.empty();
        }
        return Optional.of(new MemoryEvents(v[1], v[1], OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty(), OptionalLong.empty(), OptionalLong.of(v[0])));
    }

    /** @return the events, empty when the kernel predates the {@code oom_kill} line */
    static Optional<MemoryEvents> parseOomControl(String content) throws MalformedContentException {
        Map<String, Long> m = FlatKeyedFormat.parse(content);
        FlatKeyedFormat.require(m, "under_oom");
        if (!m.containsKey("oom_kill")) {
            return Optional.empty();
        }
        long kills = m.get("oom_kill");
        return Optional.of(new MemoryEvents(kills, kills, OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty(), OptionalLong.of(m.get("under_oom"))));
    }

    /**
     * Sets the memory limit and keeps the swap allowance (memsw - memory) as it was. The kernel requires
     * memsw >= memory after every single write, so when the limit grows, memsw is written first, else last.
     * The kernel answers EBUSY when it cannot reclaim usage below a lower limit.
     *
     * @throws CgroupException if refused
     */
    public void writeMemoryMax(Limit v, WriteJournal j) throws CgroupException {
        String value = v.isUnlimited() ? "-1" : v.toString();
        if (!dir.has(MEMSW)) {
            dir.write(LIMIT, value, j);
            return;
        }
        Limit oldMem = dir.read(LIMIT, MemoryController::parseLimit);
        Limit oldMemsw = dir.read(MEMSW, MemoryController::parseLimit);
        Limit swap = swapOf(oldMem, oldMemsw);
        String memsw = v.isUnlimited() || swap.isUnlimited() ? "-1"
                : Long.toString(saturatingAdd(v.value().getAsLong(), swap.value().getAsLong()));
        if (grows(v, oldMem)) {
            dir.write(MEMSW, memsw, j);
            dir.write(LIMIT, value, j);
        } else {
            dir.write(LIMIT, value, j);
            dir.write(MEMSW, memsw, j);
        }
    }

    private static boolean grows(Limit next, Limit old) {
        if (next.isUnlimited()) {
            return !old.isUnlimited();
        }
        return !old.isUnlimited() && next.value().getAsLong() > old.value().getAsLong();
    }

    /**
     * v1 has no {@code memory.high}.
     *
     * @throws ControllerUnavailableException always
     */
    public void writeMemoryHigh(Limit v, WriteJournal j) throws CgroupException {
        throw new ControllerUnavailableException(dir.path().resolve("memory.high"),
                "cgroup v1 has no memory.high", null);
    }

    /**
     * Sets the swap allowance: {@code memory.memsw.limit_in_bytes} = memory limit + swap ({@code -1} for max).
     *
     * @throws CgroupException if refused, swap accounting is off, or the memory limit is max while swap is not
     */
    public void writeMemorySwapMax(Limit v, WriteJournal j) throws CgroupException {
        if (!dir.has(MEMSW)) {
            throw new ControllerUnavailableException(dir.path().resolve(MEMSW),
                    "no swap accounting (boot with swapaccount=1)", null);
        }
        if (v.isUnlimited()) {
            dir.write(MEMSW, "-1", j);
            return;
        }
        Limit mem = dir.read(LIMIT, MemoryController::parseLimit);
        if (mem.isUnlimited()) {
            throw new CgroupWriteException(dir.path().resolve(MEMSW), v.toString(),
                    "a v1 swap limit needs a memory limit (memory.limit_in_bytes is max)", null);
        }
        dir.write(MEMSW, Long.toString(saturatingAdd(mem.value().getAsLong(), v.value().getAsLong())), j);
    }

    private static long saturatingAdd(long a, long b) {
        long s = a + b;
        return s < 0 ? Long.MAX_VALUE : s;
    }
}
