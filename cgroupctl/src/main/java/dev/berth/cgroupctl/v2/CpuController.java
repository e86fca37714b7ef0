package dev.berth.cgroupctl.v2;

import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.ControllerUnavailableException;
import dev.berth.cgroupctl.CpuMax;
import dev.berth.cgroupctl.CpuStat;
import dev.berth.cgroupctl.CpuThrottling;
import dev.berth.cgroupctl.CpuUsage;
import dev.berth.cgroupctl.CpuWeight;
import dev.berth.cgroupctl.MalformedCgroupFileException;
import dev.berth.cgroupctl.format.FlatKeyedFormat;
import dev.berth.cgroupctl.format.MalformedContentException;
import dev.berth.cgroupctl.format.SingleValueFormat;
import dev.berth.cgroupctl.kernfs.CgroupDir;
import dev.berth.cgroupctl.kernfs.WriteJournal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The v2 cpu controller: {@code cpu.stat}, {@code cpu.max}, {@code cpu.weight}. {@code cpu.stat} with
 * {@code usage_usec user_usec system_usec} is a core file that every cgroup2 cgroup has, even when the cpu controller
 * is not enabled (as in the unified hierarchy of hybrid hosts); the throttling keys appear only with the controller.
 */
public final class CpuController {
    private final CgroupDir dir;

    /** @param dir the cgroup's directory */
    public CpuController(CgroupDir dir) {
        this.dir = dir;
    }

    /** Reads {@code cpu.stat} usage keys. @return usage in microseconds @throws CgroupException on failure */
    public CpuUsage readCpuUsage() throws CgroupException {
        return dir.read("cpu.stat", c -> {
            Map<String, Long> m = FlatKeyedFormat.parse(c);
            return new CpuUsage(FlatKeyedFormat.require(m, "usage_usec"), opt(m, "user_usec"), opt(m, "system_usec"));
        });
    }

    /**
     * Reads {@code cpu.stat} throttling keys ({@code nr_periods nr_throttled throttled_usec}).
     *
     * @return the counters
     * @throws CgroupException {@link ControllerUnavailableException} when the cpu controller is not enabled
     */
    public CpuThrottling readCpuThrottling() throws CgroupException {
        Optional<CpuThrottling> t = dir.read("cpu.stat", CpuController::parseThrottling);
        return t.orElseThrow(() -> new ControllerUnavailableException(dir.path().resolve("cpu.stat"),
                "cpu controller not enabled (no nr_periods)", null));
    }

    /** @return the throttling keys, empty when the cpu controller is off and the kernel prints none of them */
    static Optional<CpuThrottling> parseThrottling(String content) throws MalformedContentException {
        Map<String, Long> s = FlatKeyedFormat.parse(content);
        if (!s.containsKey("nr_periods")) {
            return Optional.empty();
        }
        return Optional.of(new CpuThrottling(FlatKeyedFormat.require(s, "nr_periods"),
                FlatKeyedFormat.require(s, "nr_throttled"), FlatKeyedFormat.require(s, "throttled_usec")));
    }

    /** Reads {@code cpu.max} ({@code "max 100000"}). @return quota and period @throws CgroupException on failure */
    public CpuMax readCpuMax() throws CgroupException {
        return dir.read("cpu.max", CpuController::parseCpuMax);
    }

    static CpuMax parseCpuMax(String content) throws MalformedContentException {
        List<String> f = SingleValueFormat.parseFields(content, 2);
        return new CpuMax(SingleValueFormat.parseLimitToken(f.get(0)),
                SingleValueFormat.parseLimitToken(f.get(1)).value().orElse(0));
    }

    /** Reads {@code cpu.weight} (1..10000). @return the weight @throws CgroupException on failure */
    public CpuWeight readCpuWeight() throws CgroupException {
        long w = dir.read("cpu.weight", SingleValueFormat::parseUnsigned);
        if (w < CpuWeight.MIN || w > CpuWeight.MAX) {
            throw new MalformedCgroupFileException(dir.path().resolve("cpu.weight"),
                    Long.toString(w), "expected 1..10000", null);
        }
        return new CpuWeight(w);
    }

    /** Writes {@code cpu.max} as {@code "quota period"}. @throws CgroupException if refused */
    public void writeCpuMax(CpuMax v, WriteJournal j) throws CgroupException {
        dir.write("cpu.max", v.quotaUsec() + " " + v.periodUsec(), j);
    }

    /** Writes {@code cpu.weight}. @throws CgroupException if refused */
    public void writeCpuWeight(long weight, WriteJournal j) throws CgroupException {
        dir.write("cpu.weight", Long.toString(weight), j);
    }

    private static OptionalLong opt(Map<String, Long> m, String key) {
        Long v = m.get(key);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    private static final FlatKeyedFormat.Keys CPU_STAT = new FlatKeyedFormat.Keys("usage_usec", "user_usec",
            "system_usec", "nr_periods", "nr_throttled", "throttled_usec");

    /**
     * Reads {@code cpu.stat} once for usage and throttling.
     *
     * @return the counters; throttling empty when the cpu controller is not enabled (no {@code nr_periods})
     * @throws CgroupException on failure
     */
    public CpuStat readCpuStat() throws CgroupException {
        return dir.readBytes("cpu.stat", CpuController::parseCpuStat);
    }

    /** {@code cpu.stat} in place. Package-private for testing. */
    static CpuStat parseCpuStat(byte[] content, int length) throws MalformedContentException {
        long[] v = new long[6];
        long found = FlatKeyedFormat.parse(content, length, CPU_STAT, v, false);
        if ((found & 1) == 0) {
            throw new MalformedContentException("", "missing key \"usage_usec\"");
        }
        CpuUsage usage = new CpuUsage(v[0], (found & 2) != 0 ? OptionalLong.of(v[1]) : OptionalLong.empty(),
                (found & 4) != 0 ? OptionalLong.of(v[2]) : OptionalLong.empty());
        if ((found & 8) == 0) {
            return new CpuStat(usage, Optional.empty());
        }
        if ((found & 0x30) != 0x30) {
            throw new MalformedContentException("", "missing key \"" + ((found & 0x10) == 0 ? "nr_throttled"
                    : "throttled_usec") + "\"");
        }
        return new CpuStat(usage, Optional.of(new CpuThrottling(v[3], v[4], v[5])));
    }
}
