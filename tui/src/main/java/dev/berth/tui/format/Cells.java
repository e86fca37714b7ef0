package dev.berth.tui.format;

import dev.berth.cgroupctl.Limit;
import dev.berth.collectors.format.Units;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The console's fixed-width cells: the numbers are written by collectors' {@link Units} (the one formatter
 * {@code berth ps} and {@code stat} use too, so a value reads the same in every front end, with the same {@code -}
 * and {@code max}) and padded here to one width per column.
 *
 * <p>Each method returns a string of one constant width, right-aligned, so a refresh that changes
 * a value from {@code 9.9M} to {@code 10M} does not move the text around it (over SSH this keeps
 * the redraw to the cells that really changed). An absent value ({@code Optional} empty: not yet
 * measured or unreadable) prints as {@code -}, never as {@code 0}.
 */
public final class Cells {
    /** Width of {@link #bytes}. */
    public static final int BYTES_WIDTH = 5;
    /** Width of {@link #pct}. */
    public static final int PCT_WIDTH = 5;
    /** Width of {@link #cores}. */
    public static final int CORES_WIDTH = 5;

    private Cells() {
    }

    /** Bytes as {@link Units#bytes(double)} writes them ({@code 512B}, {@code 1.5k}, {@code 12M}), padded. */
    public static String bytes(long bytes) {
        return pad(bytesCompact(bytes), BYTES_WIDTH);
    }

    /** {@link #bytes(long)}, or a right-aligned {@code -} when absent. */
    public static String bytes(OptionalLong bytes) {
        return pad(Units.bytes(bytes), BYTES_WIDTH);
    }

    /** A rate in bytes per second as {@link #bytes(long)} (the {@code /s} is in the column title). */
    public static String rate(OptionalDouble bytesPerSecond) {
        return pad(Units.bytes(bytesPerSecond), BYTES_WIDTH);
    }

    /** Bytes without padding, as {@link Units#bytes(double)}. */
    public static String bytesCompact(long bytes) {
        return Units.bytes((double) bytes);
    }

    /** Percent with one decimal below 100 ({@code 12.3}), none above ({@code 150}); width {@link #PCT_WIDTH}. */
    public static String pct(OptionalDouble pct) {
        if (pct.isEmpty()) {
            return pad("-", PCT_WIDTH);
        }
        double p = pct.getAsDouble();
        if (p >= 99999.5) {
            return pad("9999+", PCT_WIDTH);
        }
        return pad(p < 99.95 ? Units.fixed(p, 1) : String.valueOf(Math.round(p)), PCT_WIDTH);
    }

    /** {@link #pct(OptionalDouble)} of a present value. */
    public static String pct(double pct) {
        return pct(OptionalDouble.of(pct));
    }

    /**
     * A CPU quota as {@link Units#cpus}: {@code 0.50}, {@code max} when none is set, {@code -} when unreadable;
     * width {@link #CORES_WIDTH}.
     */
    public static String cores(OptionalDouble cores, Optional<Limit> quota) {
        return pad(Units.cpus(cores, quota), CORES_WIDTH);
    }

    /** A memory limit as {@link Units#limitBytes}: {@code max} when not set, {@code -} when unreadable. */
    public static String limit(Optional<Limit> limit) {
        return pad(Units.limitBytes(limit), BYTES_WIDTH);
    }

    /** Uptime as {@code 3d 04:12} or {@code 04:12:05} under a day. */
    public static String uptime(Duration d) {
        long s = Math.max(0, d.getSeconds());
        long days = s / 86400;
        long h = (s % 86400) / 3600;
        long m = (s % 3600) / 60;
        StringBuilder b = new StringBuilder(12);
        if (days > 0) {
            b.append(days).append("d ");
        }
        twoDigits(b, h).append(':');
        twoDigits(b, m);
        if (days == 0) {
            twoDigits(b.append(':'), s % 60);
        }
        return b.toString();
    }

    private static StringBuilder twoDigits(StringBuilder b, long v) {
        return (v < 10 ? b.append('0') : b).append(v);
    }

    /** A load average with two decimals ({@code 0.52}, {@code 12.40}). */
    public static String load(double load) {
        return Units.fixed(load, 2);
    }

    /** Right-aligns {@code s} in {@code width}; cuts from the left when too long. */
    public static String pad(String s, int width) {
        if (s.length() >= width) {
            return s.substring(s.length() - width);
        }
        return " ".repeat(width - s.length()) + s;
    }

    /** Left-aligns {@code s} in {@code width}; cuts with {@code ellipsis} when too long. */
    public static String padRight(String s, int width, char ellipsis) {
        if (width <= 0) {
            return "";
        }
        if (s.length() > width) {
            return s.substring(0, width - 1) + ellipsis;
        }
        return s + " ".repeat(width - s.length());
    }
}
