package dev.berth.cgroupctl;

import java.util.OptionalLong;

/**
 * Relative CPU weight, on the v2 scale 1..10000 (default 100).
 *
 * <p>v2 reads {@code cpu.weight}. v1 reads {@code cpu.shares} (2..262144, default 1024) and converts it with the
 * kernel's own mapping, see {@link #fromShares(long)}.
 *
 * @param weight the weight, 1..10000
 * @param shares v1 {@code cpu.shares} as the kernel printed it (2..262144), which the weight only approximates;
 *               empty on v2, whose {@code cpu.weight} is the only figure
 */
public record CpuWeight(long weight, OptionalLong shares) {

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

    /** A v2 weight (no v1 shares behind it). @throws IllegalArgumentException outside 1..10000 */
    public CpuWeight(long weight) {
        this(weight, OptionalLong.empty());
    }

    /**
     * Converts v1 {@code cpu.shares} to a v2 weight the way the kernel itself does. The scheduler keeps one internal
     * weight per group (1024 = default); on cgroup v2, {@code cpu.weight} shows it as
     * {@code round(shares * 100 / 1024)} clamped to 1..10000 ({@code cpu_weight_read_u64()} in kernel/sched/core.c,
     * via {@code sched_weight_to_cgroup()} since Linux 6.12), so 1024 shares and weight 100 are the same CPU share.
     * systemd converts {@code CPUShares=} the same way ({@code cgroup_cpu_shares_to_weight()} in
     * src/core/cgroup.c).
     *
     * <p>OCI runtimes differ, and berth does not need to match them because it only converts on v1 hosts, where
     * the kernel has no {@code cpu.weight} to compare with: runc before 1.3.2 mapped linearly,
     * {@code 1 + (shares - 2) * 9999 / 262142} (1024 shares → 39); runc 1.3.2+ and crun 1.23+ use
     * {@code ceil(10^((L² + 125 L) / 612 - 7/34))} with {@code L = log2(shares)}, which also sends 1024 to 100 but
     * differs from the kernel's map away from the default (opencontainers/runc#4772, containers/crun#1721).
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
