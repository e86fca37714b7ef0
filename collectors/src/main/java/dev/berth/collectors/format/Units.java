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
            return String.format(Locale.ROOT, "%.2f", cpus.getAsDouble());
        }
        return quota.isPresent() && quota.get().isUnlimited() ? "max" : UNAVAILABLE;
    }

    /** A percentage with one decimal below 100 ({@code 50.3}), none above ({@code 180}); {@code -} when empty. */
    public static String percent(OptionalDouble v) {
        if (v.isEmpty()) {
            return UNAVAILABLE;
        }
        double p = v.getAsDouble();
        return p < 99.95 ? String.format(Locale.ROOT, "%.1f", p) : String.format(Locale.ROOT, "%.0f", p);
    }

    /** A percentage as a whole number, dstat's cpu columns; {@code -} when empty. */
    public static String wholePercent(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.0f", v.getAsDouble()) : UNAVAILABLE;
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
        return sign + (x < 9.95 ? String.format(Locale.ROOT, "%.1f", x) : String.format(Locale.ROOT, "%.0f", x))
                + units[u];
    }
}
