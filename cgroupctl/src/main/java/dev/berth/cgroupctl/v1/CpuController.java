package dev.berth.cgroupctl.v1;

import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.CgroupWriteException;
import dev.berth.cgroupctl.CpuMax;
import dev.berth.cgroupctl.CpuThrottling;
import dev.berth.cgroupctl.CpuWeight;
import dev.berth.cgroupctl.Limit;
import dev.berth.cgroupctl.format.FlatKeyedFormat;
import dev.berth.cgroupctl.format.MalformedContentException;
import dev.berth.cgroupctl.format.SingleValueFormat;
import dev.berth.cgroupctl.kernfs.CgroupDir;
import dev.berth.cgroupctl.kernfs.WriteJournal;
import java.util.OptionalLong;

/**
 * The v1 cpu controller: {@code cpu.stat} (throttling), {@code cpu.cfs_quota_us}/{@code cpu.cfs_period_us},
 * {@code cpu.shares}. CPU time used is the separate cpuacct controller ({@link CpuacctController}).
 */
public final class CpuController {
    private final CgroupDir dir;

    /** @param dir the cgroup's directory in the cpu hierarchy */
    public CpuController(CgroupDir dir) {
        this.dir = dir;
    }

    /**
     * Reads {@code cpu.stat}: {@code nr_periods nr_throttled throttled_time} (nanoseconds, converted).
     *
     * @return the counters
     * @throws CgroupException on failure
     */
    public CpuThrottling readCpuThrottling() throws CgroupException {
        return dir.readBytes("cpu.stat", CpuController::parseThrottling);
    }

    private static final FlatKeyedFormat.Keys THROTTLING = new FlatKeyedFormat.Keys("nr_periods", "nr_throttled",
            "throttled_time");

    /** {@code cpu.stat} of v1, in place. Package-private for testing. */
    static CpuThrottling parseThrottling(byte[] content, int length) throws MalformedContentException {
        long[] v = new long[3];
        long found = FlatKeyedFormat.parse(content, length, THROTTLING, v, false);
        FlatKeyedFormat.requireAll(found, THROTTLING);
        return new CpuThrottling(v[0], v[1], v[2] / 1000);
    }

    /**
     * Reads {@code cpu.cfs_quota_us} ({@code -1}: no limit) and {@code cpu.cfs_period_us}.
     *
     * @return quota and period
     * @throws CgroupException on failure
     */
    public CpuMax readCpuMax() throws CgroupException {
        long quota = dir.read("cpu.cfs_quota_us", SingleValueFormat::parseLong);
        long period = dir.read("cpu.cfs_period_us", SingleValueFormat::parseUnsigned);
        return new CpuMax(quota < 0 ? Limit.UNLIMITED : Limit.of(quota), period);
    }

    /**
     * Reads {@code cpu.shares} and converts it ({@link CpuWeight#fromShares(long)}).
     *
     * @return the weight
     * @throws CgroupException on failure
     */
    public CpuWeight readCpuWeight() throws CgroupException {
        long shares = readShares();
        return new CpuWeight(CpuWeight.fromShares(shares).weight(), OptionalLong.of(shares));
    }

    /** Reads {@code cpu.shares}. @return the raw shares @throws CgroupException on failure */
    public long readShares() throws CgroupException {
        return dir.read("cpu.shares", SingleValueFormat::parseUnsigned);
    }

    /**
     * Writes the period, then the quota ({@code -1} for max). The kernel checks each write against the other value
     * and the parent's bandwidth, so a new period can be refused (EINVAL) until the quota is changed; then the
     * quota goes first, as runc's {@code fs/cpu.go} does.
     *
     * @throws CgroupException if refused
     */
    public void writeCpuMax(CpuMax v, WriteJournal j) throws CgroupException {
        String quota = v.quotaUsec().isUnlimited() ? "-1" : v.quotaUsec().toString();
        String period = Long.toString(v.periodUsec());
        try {
            dir.write("cpu.cfs_period_us", period, j);
        } catch (CgroupWriteException e) {
            dir.write("cpu.cfs_quota_us", quota, j);
            dir.write("cpu.cfs_period_us", period, j);
            return;
        }
        dir.write("cpu.cfs_quota_us", quota, j);
    }

    /** Writes {@code cpu.shares} = {@link CpuWeight#toShares()}. @throws CgroupException if refused */
    public void writeCpuWeight(long weight, WriteJournal j) throws CgroupException {
        dir.write("cpu.shares", Long.toString(new CpuWeight(weight).toShares()), j);
    }
}
