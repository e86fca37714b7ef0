package dev.berth.cgroupctl.v1;

import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.CpuUsage;
import dev.berth.cgroupctl.format.FlatKeyedFormat;
import dev.berth.cgroupctl.format.SingleValueFormat;
import dev.berth.cgroupctl.kernfs.CgroupDir;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The v1 cpuacct controller: {@code cpuacct.usage} (nanoseconds), {@code cpuacct.usage_user}/{@code _sys}
 * (nanoseconds, Linux 4.7+), else {@code cpuacct.stat} ({@code user}/{@code system} in USER_HZ ticks).
 */
public final class CpuacctController {
    /**
     * Microseconds per USER_HZ tick. USER_HZ is the kernel's fixed user-visible clock rate, 100 on every
     * architecture Java runs on (it is independent of the kernel's internal HZ; {@code sysconf(_SC_CLK_TCK)}).
     */
    static final long USEC_PER_TICK = 10_000;

    private final CgroupDir dir;

    /** @param dir the cgroup's directory in the cpuacct hierarchy */
    public CpuacctController(CgroupDir dir) {
        this.dir = dir;
    }

    /** Reads CPU time used. @return microseconds @throws CgroupException on failure */
    public CpuUsage readCpuUsage() throws CgroupException {
        long usageNs = dir.read("cpuacct.usage", SingleValueFormat::parseUnsigned);
        if (dir.has("cpuacct.usage_user") && dir.has("cpuacct.usage_sys")) {
            long user = dir.read("cpuacct.usage_user", SingleValueFormat::parseUnsigned);
            long sys = dir.read("cpuacct.usage_sys", SingleValueFormat::parseUnsigned);
            return new CpuUsage(usageNs / 1000, OptionalLong.of(user / 1000), OptionalLong.of(sys / 1000));
        }
        Map<String, Long> stat = dir.read("cpuacct.stat", FlatKeyedFormat::parse);
        return new CpuUsage(usageNs / 1000, ticks(stat, "user"), ticks(stat, "system"));
    }

    private static OptionalLong ticks(Map<String, Long> stat, String key) {
        Long v = stat.get(key);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v * USEC_PER_TICK);
    }
}
