package dev.berth.cgroupctl.v1;

import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.CpuUsage;
import dev.berth.cgroupctl.format.FlatKeyedFormat;
import dev.berth.cgroupctl.format.SingleValueFormat;
import dev.berth.cgroupctl.kernfs.CgroupDir;
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

    /**
     * Reads {@code cpuacct.usage} alone.
     *
     * @return the total in microseconds, without the user/system split
     * @throws CgroupException on failure
     */
    public CpuUsage readCpuUsageTotal() throws CgroupException {
        return new CpuUsage(dir.readBytes("cpuacct.usage", SingleValueFormat::parseUnsigned) / 1000,
                OptionalLong.empty(), OptionalLong.empty());
    }

        /** Reads CPU time used. @return microseconds @throws CgroupException on failure */
    public CpuUsage readCpuUsage() throws CgroupException {
        long usageNs = dir.readBytes("cpuacct.usage", SingleValueFormat::parseUnsigned);
        if (dir.has("cpuacct.usage_user") && dir.has("cpuacct.usage_sys")) {
            long user = dir.readBytes("cpuacct.usage_user", SingleValueFormat::parseUnsigned);
            long sys = dir.readBytes("cpuacct.usage_sys", SingleValueFormat::parseUnsigned);
            return new CpuUsage(usageNs / 1000, OptionalLong.of(user / 1000), OptionalLong.of(sys / 1000));
        }
        long[] v = new long[2];
        long found = dir.readBytes("cpuacct.stat", (c, n) -> FlatKeyedFormat.parse(c, n, STAT, v, false));
        return new CpuUsage(usageNs / 1000, ticks(found, 0, v), ticks(found, 1, v));
    }

    private static final FlatKeyedFormat.Keys STAT = new FlatKeyedFormat.Keys("user", "system");

    private static OptionalLong ticks(long found, int i, long[] v) {
        return (found & (1L << i)) == 0 ? OptionalLong.empty() : OptionalLong.of(v[i] * USEC_PER_TICK);
    }
}
