package dev.berth.cgroupctl;

/**
 * Relative CPU weight, on the v2 scale 1..10000 (default 100).
 *
 * <p>v2 reads {@code cpu.weight}. v1 reads {@code cpu.shares} (2..262144, default 1024) and converts it with the
 * kernel's own mapping, see {@link #fromShares(long)}.
 *
 * @param weight the weight, 1..10000
 */
public record CpuWeight(long weight) {

    /** Smallest {@code cpu.weight} ({@code CGROUP_WEIGHT_MIN}). */
    public static final long MIN = 1;
    /** Default {@code cpu.weight} ({@code CGROUP_WEIGHT_DFL}), the same CPU share as 1024 v1 shares. */
    public static final long DEFAULT = 100;
    /** Largest {@code cpu.weight} ({@code CGROUP_WEIGHT_MAX}). */
    public static final long MAX = 10_000;
    /** Smallest value v1 {@code cpu.shares} keeps ({@code MIN_SHARES}). */
    public static final long MIN_SHARES = 2;
    /** Largest value v1 {@code cpu.shares} keeps ({@code MAX_SHARES}, 1 << 18). */
    public static final long MAX_SHARES = 262_144;

    /** @throws IllegalArgumentException outside 1..10000 */
    public CpuWeight {
        if (weight < MIN || weight > MAX) {
            throw new IllegalArgumentException("invalid cpu weight " + weight + ": expected 1..10000");
        }
    }

    /**
     * Converts v1 {@code cpu.shares} to a v2 weight the way the kernel itself does: the scheduler keeps one internal
     * weight per group, and on cgroup v2 {@code cpu.weight} is shown as {@code round(shares * 100 / 1024)} clamped to
     * 1..10000 ({@code sched_weight_to_cgroup()} in kernel/sched/sched.h, used by {@code cpu_weight_read_u64()} in
     * kernel/sched/core.c; 1024 shares = weight 100, the defaults of both versions).
     *
     * <p>Not runc's {@code ConvertCPUSharesToCgroupV2Value} linear map {@code 1 + (shares - 2) * 9999 / 262142},
     * which sends the default 1024 shares to weight 39 and so changes how CPU is split between a converted
     * container and its unconverted neighbours; crun 1.23 and later replaced that map for the same reason.
     *
     * @param shares v1 shares, clamped to 2..262144 as the kernel does on write
     * @return the weight the same scheduler weight has on v2
     */
    public static CpuWeight fromShares(long shares) {
        long s = Math.max(MIN_SHARES, Math.min(MAX_SHARES, shares));
        long w = Math.round(s * (double) DEFAULT / 1024.0);
        return new CpuWeight(Math.max(MIN, Math.min(MAX, w)));
    }

    /**
     * The inverse of {@link #fromShares(long)}: {@code round(weight * 1024 / 100)}, which is what the kernel writes
     * into the group's scheduler weight when {@code cpu.weight} is set ({@code sched_weight_from_cgroup()}).
     *
     * @return v1 {@code cpu.shares} giving the same CPU share, 2..262144
     */
    public long toShares() {
        long s = Math.round(weight * 1024.0 / DEFAULT);
        return Math.max(MIN_SHARES, Math.min(MAX_SHARES, s));
    }
}
