package dev.berth.runtime.limits;

import dev.berth.cgroupctl.Limit;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes as operators type them: {@code 1024}, {@code 512k}, {@code 512M}, {@code 1.5G}, {@code 2GiB},
 * {@code 64mb}, {@code 1T}, and {@code max}. Units are binary (k = 1024), case-insensitive, with an
 * optional {@code b}/{@code ib} after the letter, as Docker's {@code RAMInBytes} accepts them.
 * A fraction is rounded down to whole bytes.
 */
public final class ByteSize {
    private static final Pattern SYNTAX = Pattern.compile("(\\d+(?:\\.\\d+)?|\\.\\d+)\\s*([kmgtpe]?)(i?b)?",
            Pattern.CASE_INSENSITIVE);
    private static final String UNITS = "kmgtpe";
    /** What the parser accepts, for error messages. */
    public static final String ACCEPTED = "a size such as 1024, 512k, 64M, 1.5G or 1T";

    private ByteSize() {
    }

    /**
     * Parses a size into bytes.
     *
     * @throws IllegalArgumentException naming the text and what is accepted
     */
    public static long parseBytes(String text) {
        String t = text == null ? "" : text.strip();
        Matcher m = SYNTAX.matcher(t);
        if (!m.matches() || (m.group(2).isEmpty() && m.group(3) != null && m.group(3).length() == 2)) {
            throw new IllegalArgumentException("\"" + t + "\" is not a size: expected " + ACCEPTED);
        }
        int power = m.group(2).isEmpty() ? 0 : UNITS.indexOf(m.group(2).toLowerCase(Locale.ROOT)) + 1;
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1024).pow(power));
        if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("\"" + t + "\" is too large: at most 8E (" + Long.MAX_VALUE + " bytes)");
        }
        return bytes.longValue();
    }

    /** Parses a size or {@code max} (see {@link #parseBytes}). */
    public static Limit parseLimit(String text) {
        if (text != null && text.strip().equalsIgnoreCase("max")) {
            return Limit.UNLIMITED;
        }
        return Limit.of(parseBytes(text));
    }

    /**
     * Renders bytes the way they are typed: the largest binary unit that divides them exactly
     * ({@code 536870912} is {@code 512M}), otherwise plain bytes; for state files and messages.
     */
    public static String format(long bytes) {
        if (bytes == 0) {
            return "0";
        }
        long v = bytes;
        int power = 0;
        while (power < UNITS.length() && v % 1024 == 0) {
            v /= 1024;
            power++;
        }
        return power == 0 ? Long.toString(v) : v + UNITS.substring(power - 1, power).toUpperCase(Locale.ROOT);
    }

    /** {@link #format(long)}, or {@code max}. */
    public static String format(Limit limit) {
        return limit.isUnlimited() ? "max" : format(limit.value().getAsLong());
    }

    /**
     * Renders bytes approximately with one decimal ({@code 54.3M}), for "current usage" in messages
     * where an exact figure would be noise.
     */
    public static String formatApprox(long bytes) {
        if (bytes < 1024) {
            return bytes + "B";
        }
        double v = bytes;
        int power = 0;
        while (v >= 1024 && power < UNITS.length()) {
            v /= 1024;
            power++;
        }
        return String.format(Locale.ROOT, "%.1f%s", v, UNITS.substring(power - 1, power).toUpperCase(Locale.ROOT));
    }
}
