package dev.berth.collectors.format;

import dev.berth.cgroupctl.Limit;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Compact number rendering shared by the CLI tables and the console, in dstat's style: bytes in powers of 1024
 * with a one-letter unit ({@code B}, {@code k}, {@code M}, {@code G}, {@code T}), counts in powers of 1000
 * ({@code k}, {@code M}, {@code G}), one decimal while the scaled number is below 10 ({@code 1.5M}), none
 * above ({@code 37k}), a bare {@code 0} for zero, and {@code -} for a value that could not be read; a limit that
 * is not set is {@code max}. The one place where berth turns a number into text: {@code ps}, {@code stat} and the
 * console (which pads these to fixed widths) all call it, so 1,048,000 bytes is {@code 1.0M} everywhere.
 * Stateless and thread-safe.
 */
public final class Units {
    /** What an unavailable value prints as. */
    public static final String UNAVAILABLE = "-";
    private static final String[] BYTE_UNITS = {"B", "k", "M", "G", "T", "P"};
    private static final String[] COUNT_UNITS = {"", "k", "M", "G", "T"};

    private Units() {
    }

    /** Bytes (or bytes per second), base 1024. */
    public static String bytes(double v) {
        return scaled(v, 1024, BYTE_UNITS);
    }

    /** As {@link #bytes(double)}; {@code -} when empty. */
    public static String bytes(OptionalDouble v) {
        return v.isPresent() ? bytes(v.getAsDouble()) : UNAVAILABLE;
    }

    /** As {@link #bytes(double)}; {@code -} when empty. */
    public static String bytes(OptionalLong v) {
        return v.isPresent() ? bytes((double) v.getAsLong()) : UNAVAILABLE;
    }

    /** Counts (packets, operations, pids), base 1000. */
    public static String count(double v) {
        return scaled(v, 1000, COUNT_UNITS);
    }

    /** As {@link #count(double)}; {@code -} when empty. */
    public static String count(OptionalDouble v) {
        return v.isPresent() ? count(v.getAsDouble()) : UNAVAILABLE;
    }

    /** As {@link #count(double)}; {@code -} when empty. */
    public static String count(OptionalLong v) {
        return v.isPresent() ? count((double) v.getAsLong()) : UNAVAILABLE;
    }

    /** A byte limit: {@code max} when not set, {@code -} when it could not be read (JSON {@code null} both). */
    public static String limitBytes(Optional<Limit> limit) {
        if (limit.isEmpty()) {
            return UNAVAILABLE;
        }
        return limit.get().isUnlimited() ? "max" : bytes((double) limit.get().value().getAsLong());
    }

    /**
     * A CPU quota in CPUs with two decimals ({@code 0.50}); {@code max} when the quota is not set, {@code -} when it
     * could not be read.
     *
     * @param cpus the quota in CPUs, present when a quota is set
     * @param quota the raw quota, empty when unreadable
     */
    public static String cpus(OptionalDouble cpus, Optional<Limit> quota) {
        if (cpus.isPresent()) {
            return fixed(cpus.getAsDouble(), 2);
        }
        return quota.isPresent() && quota.get().isUnlimited() ? "max" : UNAVAILABLE;
    }

    /** A percentage with one decimal below 100 ({@code 50.3}), none above ({@code 180}); {@code -} when empty. */
    public static String percent(OptionalDouble v) {
        if (v.isEmpty()) {
            return UNAVAILABLE;
        }
        double p = v.getAsDouble();
        return fixed(p, p < 99.95 ? 1 : 0);
    }

    /** A percentage as a whole number, dstat's cpu columns; {@code -} when empty. */
    public static String wholePercent(OptionalDouble v) {
        return v.isPresent() ? fixed(v.getAsDouble(), 0) : UNAVAILABLE;
    }

    /**
     * {@code x} with {@code decimals} digits after the point, exactly as {@code String.format(Locale.ROOT, "%.Nf", x)}
     * writes it (the shortest decimal that reads back as {@code x}, rounded half up; {@code -0.0} keeps its sign),
     * without {@code Formatter}, which parses its pattern on every call: the console and {@code stat} format a few
     * hundred numbers a second, and this was most of the console's idle formatting cost (bench/RESULTS.md).
     */
    public static String fixed(double x, int decimals) {
        if (!Double.isFinite(x)) {
            return String.format(Locale.ROOT, "%." + decimals + "f", x);
        }
        if (Double.compare(x, 0.0) < 0) {
            return "-" + fixed(-x, decimals);
        }
        // Double.toString is that shortest decimal; from 1e-3 to 1e7 it is plain digits with one point ("12.345")
        String digits = Double.toString(x);
        int dot = digits.indexOf('.');
        if (digits.indexOf('E') >= 0 || dot < 0) {
            return java.math.BigDecimal.valueOf(x).setScale(decimals, java.math.RoundingMode.HALF_UP).toPlainString();
        }
        int keep = dot + 1 + decimals;   // digits and point kept, when decimals > 0
        StringBuilder b = new StringBuilder(keep + 2);
        if (digits.length() <= keep) {
            b.append(digits);
            for (int i = digits.length(); i < keep; i++) {
                b.append('0');
            }
            return b.toString();
        }
        b.append(digits, 0, decimals == 0 ? dot : keep);
        if (digits.charAt(keep) >= '5') {
            // half up: add one in the last kept place, carrying over nines (9.96 -> 10.0)
            int i = b.length() - 1;
            while (i >= 0) {
                char c = b.charAt(i);
                if (c == '.') {
                    i--;
                    continue;
                }
                if (c != '9') {
                    b.setCharAt(i, (char) (c + 1));
                    break;
                }
                b.setCharAt(i, '0');
                i--;
            }
            if (i < 0) {
                b.insert(0, '1');
            }
        }
        return b.toString();
    }

    private static String scaled(double v, double base, String[] units) {
        if (v == 0) {
            return "0";
        }
        double x = Math.abs(v);
        int u = 0;
        // Move to the next unit before the number needs a fifth digit, as dstat does (it shows 999k, then 1.0M).
        while (x >= 999.5 && u < units.length - 1) {
            x /= base;
            u++;
        }
        String sign = v < 0 ? "-" : "";
        if (u == 0) {
            return sign + Math.round(x) + units[0];
        }
        return sign + fixed(x, x < 9.95 ? 1 : 0)
                + units[u];
    }
}
