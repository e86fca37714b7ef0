package dev.berth.tui.format;

import java.time.Duration;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Fixed-width formatting of sizes, rates, percentages and durations, shared by every screen.
 *
 * <p>Each method returns a string of one constant width, right-aligned, so a refresh that changes
 * a value from {@code 9.9M} to {@code 10M} does not move the text around it (over SSH this keeps
 * the redraw to the cells that really changed). An absent value ({@code Optional} empty: not yet
 * measured or unreadable) prints as {@code -}, never as {@code 0}.
 */
public final class Units {
    /** Width of {@link #bytes}. */
    public static final int BYTES_WIDTH = 5;
    /** Width of {@link #pct}. */
    public static final int PCT_WIDTH = 5;
    /** Width of {@link #cores}. */
    public static final int CORES_WIDTH = 5;

    private static final String UNITS = "BKMGTPE";

    private Units() {
    }

    /**
     * Bytes in binary units, at most 4 significant characters plus the unit: {@code 512B},
     * {@code 1.5K}, {@code 12M}, {@code 1023M}; padded to {@link #BYTES_WIDTH}.
     */
    public static String bytes(long bytes) {
        return pad(bytesCompact(bytes), BYTES_WIDTH);
    }

    /** {@link #bytes(long)}, or a right-aligned {@code -} when absent. */
    public static String bytes(OptionalLong bytes) {
        return bytes.isPresent() ? bytes(bytes.getAsLong()) : pad("-", BYTES_WIDTH);
    }

    /** A rate in bytes per second as {@link #bytes(long)} (the {@code /s} is in the column title). */
    public static String rate(OptionalDouble bytesPerSecond) {
        return bytesPerSecond.isPresent() ? bytes(Math.round(bytesPerSecond.getAsDouble())) : pad("-", BYTES_WIDTH);
    }

    /** Bytes without padding: {@code 1.5K}, {@code 12M}; negative values print with a sign. */
    public static String bytesCompact(long bytes) {
        if (bytes < 0) {
            return "-" + bytesCompact(-bytes);
        }
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < UNITS.length() - 1) {
            v /= 1024;
            u++;
        }
        if (u == 0) {
            return bytes + "B";
        }
        // one decimal below 10 (1.5K), none above (12M, 1023M): at most 4 significant chars
        String num = v < 9.95 ? String.format(Locale.ROOT, "%.1f", v) : String.valueOf(Math.round(v));
        if (num.equals("1024")) {
            return bytesCompact(Math.round(v) * pow1024(u));
        }
        return num + UNITS.charAt(u);
    }

    private static long pow1024(int u) {
        long p = 1;
        for (int i = 0; i < u; i++) {
            p *= 1024;
        }
        return p;
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
        return pad(p < 99.95 ? String.format(Locale.ROOT, "%.1f", p) : String.valueOf(Math.round(p)), PCT_WIDTH);
    }

    /** {@link #pct(OptionalDouble)} of a present value. */
    public static String pct(double pct) {
        return pct(OptionalDouble.of(pct));
    }

    /** A CPU quota in cores ({@code 0.50}, {@code 2.00}), or {@code max} when empty; width {@link #CORES_WIDTH}. */
    public static String cores(OptionalDouble cores) {
        if (cores.isEmpty()) {
            return pad("max", CORES_WIDTH);
        }
        double c = cores.getAsDouble();
        return pad(c < 99.995 ? String.format(Locale.ROOT, "%.2f", c) : String.valueOf(Math.round(c)), CORES_WIDTH);
    }

    /** A memory limit: {@link #bytes(long)}, or {@code max} when empty. */
    public static String limit(OptionalLong bytes) {
        return bytes.isPresent() ? bytes(bytes.getAsLong()) : pad("max", BYTES_WIDTH);
    }

    /** Uptime as {@code 3d 04:12} or {@code 04:12:05} under a day. */
    public static String uptime(Duration d) {
        long s = Math.max(0, d.getSeconds());
        long days = s / 86400;
        long h = (s % 86400) / 3600;
        long m = (s % 3600) / 60;
        if (days > 0) {
            return String.format(Locale.ROOT, "%dd %02d:%02d", days, h, m);
        }
        return String.format(Locale.ROOT, "%02d:%02d:%02d", h, m, s % 60);
    }

    /** A load average with two decimals ({@code 0.52}, {@code 12.40}). */
    public static String load(double load) {
        return String.format(Locale.ROOT, "%.2f", load);
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
