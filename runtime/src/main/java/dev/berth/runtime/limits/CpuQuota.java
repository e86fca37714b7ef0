package dev.berth.runtime.limits;

import dev.berth.cgroupctl.CpuMax;
import dev.berth.cgroupctl.Limit;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * {@code --cpus}: how many CPUs' worth of time the container may use, as a CFS quota over a
 * 100 ms period ({@code --cpus 0.5} is {@code cpu.max "50000 100000"}), or {@code max}.
 *
 * <p>100 ms is the kernel's default {@code cfs_period_us} and what Docker and runc use, so a quota
 * set by berth reads the same in their tools. The smallest quota the kernel accepts is 1 ms, hence
 * the minimum of 0.01 CPUs. The upper bound here is syntactic ({@link #MAX_CPUS}); the bound that
 * matters, the host's online CPUs, is checked by {@link LimitResolver}.
 *
 * @param cpus the number of CPUs, or null for {@code max} (no quota)
 */
public record CpuQuota(BigDecimal cpus) {
    /** The CFS period berth writes. Units: microseconds. */
    public static final long PERIOD_USEC = 100_000;
    /** The smallest accepted value: 1 ms of quota per 100 ms period. */
    public static final BigDecimal MIN_CPUS = new BigDecimal("0.01");
    /** A bound no host reaches (the kernel's NR_CPUS is at most 8192). */
    public static final BigDecimal MAX_CPUS = BigDecimal.valueOf(8192);
    /** No quota. */
    public static final CpuQuota UNLIMITED = new CpuQuota(null);

    public CpuQuota {
        if (cpus != null && (cpus.compareTo(MIN_CPUS) < 0 || cpus.compareTo(MAX_CPUS) > 0)) {
            throw new IllegalArgumentException(cpus.toPlainString() + " is out of range: expected "
                    + MIN_CPUS.toPlainString() + ".." + MAX_CPUS + " cpus, or max");
        }
    }

    /**
     * Parses {@code 0.5}, {@code 2}, {@code 1.25} or {@code max}.
     *
     * @throws IllegalArgumentException naming the text and the accepted range
     */
    public static CpuQuota parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.equalsIgnoreCase("max")) {
            return UNLIMITED;
        }
        if (!t.matches("\\d+(\\.\\d+)?|\\.\\d+")) {
            throw new IllegalArgumentException("\"" + t + "\" is not a number of cpus: expected "
                    + MIN_CPUS.toPlainString() + ".." + MAX_CPUS + " (e.g. 0.5), or max");
        }
        BigDecimal cpus = new BigDecimal(t);
        if (cpus.compareTo(MIN_CPUS) < 0) {
            throw new IllegalArgumentException(t + " is below the minimum of " + MIN_CPUS.toPlainString()
                    + " cpus (1 ms per 100 ms period): expected " + MIN_CPUS.toPlainString() + ".." + MAX_CPUS
                    + ", or max");
        }
        return new CpuQuota(cpus.stripTrailingZeros());
    }

    /** Whether there is no quota. */
    public boolean isUnlimited() {
        return cpus == null;
    }

    /** The quota as {@code cpu.max}: {@code cpus * 100000} µs (rounded to the µs) per 100000 µs. */
    public CpuMax toCpuMax() {
        if (cpus == null) {
            return new CpuMax(Limit.UNLIMITED, PERIOD_USEC);
        }
        long quota = cpus.multiply(BigDecimal.valueOf(PERIOD_USEC)).setScale(0, RoundingMode.HALF_UP).longValueExact();
        return new CpuMax(Limit.of(quota), PERIOD_USEC);
    }

    @Override
    public String toString() {
        return cpus == null ? "max" : cpus.toPlainString();
    }
}
