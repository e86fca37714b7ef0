package dev.berth.runtime.limits;

import dev.berth.cgroupctl.CpuWeight;
import dev.berth.cgroupctl.Limit;

/**
 * Parsers for the limit options whose value is a plain number or size, one per option, each
 * checking the range the kernel (or common sense) accepts whatever the host. Every error names the
 * value and the accepted range, on one line, without the option name (picocli adds it).
 */
public final class LimitSyntax {
    /**
     * The smallest {@code --memory} and {@code --memory-high}: 6 MiB, Docker's minimum. Below it
     * the container's first page faults already hit the limit, so a smaller value is a typo
     * ({@code --memory 512} meant as MiB), not a wish.
     */
    public static final long MIN_MEMORY_BYTES = 6L * 1024 * 1024;
    /** The largest {@code pids.max} the kernel accepts (PID_MAX_LIMIT, 4 Mi). */
    public static final long MAX_PIDS = 4_194_304;

    private LimitSyntax() {
    }

    /** {@code --cpu-weight}: 1..10000 (cgroup v2 {@code cpu.weight}; v1 gets the equivalent shares). */
    public static long parseCpuWeight(String text) {
        String t = text == null ? "" : text.strip();
        long w;
        try {
            w = Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + t + "\" is not a weight: expected " + CpuWeight.MIN + ".."
                    + CpuWeight.MAX + " (default " + CpuWeight.DEFAULT + ")", e);
        }
        if (w < CpuWeight.MIN || w > CpuWeight.MAX) {
            throw new IllegalArgumentException(t + " is out of range: expected " + CpuWeight.MIN + ".." + CpuWeight.MAX
                    + " (default " + CpuWeight.DEFAULT + ")");
        }
        return w;
    }

    /** {@code --memory}: a size of at least 6M, or max. */
    public static Limit parseMemory(String text) {
        return parseMemorySize(text, MIN_MEMORY_BYTES);
    }

    /** {@code --memory-high}: a size of at least 6M, or max. */
    public static Limit parseMemoryHigh(String text) {
        return parseMemorySize(text, MIN_MEMORY_BYTES);
    }

    /**
     * {@code --memory-swap}: the swap the container may use on top of its memory limit (cgroup v2
     * {@code memory.swap.max}; 0 = no swap), or max.
     */
    public static Limit parseMemorySwap(String text) {
        return parseMemorySize(text, 0);
    }

    /** {@code --pids-limit}: 1..4194304, or max. */
    public static Limit parsePids(String text) {
        String t = text == null ? "" : text.strip();
        if (t.equalsIgnoreCase("max")) {
            return Limit.UNLIMITED;
        }
        if (!t.matches("-?\\d{1,19}")) {
            throw new IllegalArgumentException("\"" + t + "\" is not a number of processes: expected 1.." + MAX_PIDS
                    + ", or max");
        }
        long n;
        try {
            n = Long.parseLong(t);
        } catch (NumberFormatException e) {
            n = Long.MAX_VALUE;
        }
        if (n < 1 || n > MAX_PIDS) {
            throw new IllegalArgumentException(t + " is out of range: expected 1.." + MAX_PIDS + ", or max");
        }
        return Limit.of(n);
    }

    private static Limit parseMemorySize(String text, long min) {
        Limit l = ByteSize.parseLimit(text);
        if (!l.isUnlimited() && l.value().getAsLong() < min) {
            throw new IllegalArgumentException(text.strip() + " is below the minimum of " + ByteSize.format(min)
                    + ": expected " + ByteSize.format(min) + " or more (e.g. 512M, 1G), or max");
        }
        return l;
    }
}
