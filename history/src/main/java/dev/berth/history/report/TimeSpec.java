package dev.berth.history.report;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The times and durations {@code berth history}, {@code record} and {@code replay} accept. Stateless.
 * <ul>
 *   <li>a duration: a whole number with a unit, {@code 500ms}, {@code 10s}, {@code 5m}, {@code 2h}, {@code 14d},
 *       or several ({@code 1h30m}); a bare number is seconds;
 *   <li>a time: ISO-8601 with an offset ({@code 2026-11-30T03:10:00Z}, {@code 2026-11-30T04:10+01:00}), a local
 *       date-time ({@code 2026-11-30T03:10}), a time of day today in the local zone ({@code 03:10},
 *       {@code 03:10:30}), or a duration before now ({@code -30m}).
 * </ul>
 */
public final class TimeSpec {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    /** What a duration may look like, for messages. */
    public static final String DURATIONS = "a duration such as 500ms, 10s, 5m, 2h, 14d or 1h30m";
    /** What a time may look like, for messages. */
    public static final String TIMES = "an ISO-8601 time (2026-11-30T03:10, 2026-11-30T03:10:00Z), HH:MM today, "
            + "or a duration before now such as -30m";

    private TimeSpec() {
    }

    /**
     * Parses a duration.
     *
     * @throws IllegalArgumentException naming the text and what is accepted
     */
    public static Duration duration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.matches("\\d{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(t));
        }
        Matcher m = PART.matcher(t);
        Duration d = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            long n;
            try {
                n = Long.parseLong(m.group(1));
            } catch (NumberFormatException e) {
                throw bad(text, DURATIONS);
            }
            try {
                d = d.plus(switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                });
            } catch (ArithmeticException e) {
                throw bad(text, DURATIONS);
            }
            end = m.end();
        }
        if (end == 0 || end != t.length()) {
            throw bad(text, DURATIONS);
        }
        return d;
    }

    /**
     * Parses a time.
     *
     * @param now  what "today" and "before now" are relative to
     * @param zone the local zone
     * @throws IllegalArgumentException naming the text and what is accepted
     */
    public static Instant instant(String text, Instant now, ZoneId zone) {
        String t = text.strip();
        if (t.startsWith("-")) {
            return now.minus(duration(t.substring(1)));
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            // not with an offset
        }
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            // not an instant
        }
        try {
            return LocalDateTime.parse(t).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            // not a local date-time
        }
        try {
            LocalTime time = LocalTime.parse(t);
            return LocalDate.ofInstant(now, zone).atTime(time).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw bad(text, TIMES);
        }
    }

    /**
     * Parses a date, {@code YYYY-MM-DD}.
     *
     * @throws IllegalArgumentException naming the text
     */
    public static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("invalid date '" + printable(text) + "': expected YYYY-MM-DD", e);
        }
    }

    private static IllegalArgumentException bad(String text, String accepted) {
        return new IllegalArgumentException("invalid value '" + printable(text) + "': expected " + accepted);
    }

    private static String printable(String s) {
        return ReportFormat.safe(s);
    }
}
