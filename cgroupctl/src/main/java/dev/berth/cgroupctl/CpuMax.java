package dev.berth.cgroupctl;

/**
 * CFS bandwidth limit: the cgroup may use {@code quotaUsec} of CPU time every {@code periodUsec}
 * (so quota/period = cores). v2 {@code cpu.max} ({@code "max 100000"}); v1 {@code cpu.cfs_quota_us} ({@code -1} for
 * no limit) and {@code cpu.cfs_period_us}.
 *
 * @param quotaUsec  CPU time per period, or {@link Limit#UNLIMITED}. Units: microseconds
 * @param periodUsec the period. Units: microseconds; the kernel accepts 1000..1000000
 */
public record CpuMax(Limit quotaUsec, long periodUsec) {

    /** Smallest period the kernel accepts (1 ms, {@code min_cfs_quota_period} in kernel/sched/core.c). */
    public static final long MIN_PERIOD_USEC = 1_000;
    /** Largest period the kernel accepts (1 s, {@code max_cfs_quota_period}). */
    public static final long MAX_PERIOD_USEC = 1_000_000;
    /** Smallest quota the kernel accepts (1 ms, {@code min_cfs_quota_period}). */
    public static final long MIN_QUOTA_USEC = 1_000;

    /**
     * @param cores CPU cores, e.g. 0.2
     * @param periodUsec the period, e.g. 100000
     * @return the quota that allows {@code cores} cores with that period
     */
    public static CpuMax ofCores(double cores, long periodUsec) {
        if (!(cores > 0) || Double.isInfinite(cores)) {
            throw new IllegalArgumentException("invalid cpu count " + cores + ": expected a positive number");
        }
        return new CpuMax(Limit.of(Math.round(cores * periodUsec)), periodUsec);
    }

    /** @return the text of {@code cpu.max}, e.g. {@code "20000 100000"} or {@code "max 100000"} */
    @Override
    public String toString() {
        return quotaUsec + " " + periodUsec;
    }
}
