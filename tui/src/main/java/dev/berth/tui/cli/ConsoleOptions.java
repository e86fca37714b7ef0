package dev.berth.tui.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The console's options, shared by {@code berth} (no subcommand) and {@code berth console}.
 */
public final class ConsoleOptions {
    /** The shortest refresh interval: below it berth's own sampling cost dominates what it shows. */
    static final Duration MIN_INTERVAL = Duration.ofMillis(200);

    @Option(names = {"-i", "--interval"}, paramLabel = "TIME", defaultValue = "2s",
            converter = IntervalConverter.class,
            description = "time between refreshes: seconds (2, 0.5) or with a unit (500ms, 2s); "
                    + "at least 0.2s (default: ${DEFAULT-VALUE})")
    Duration interval;

    @Option(names = "--no-color", description = "monochrome: no colours, emphasis by bold and reverse video "
            + "(also when the NO_COLOR environment variable is set and not empty)")
    boolean noColor;

    @Option(names = "--ascii", description = "draw with plain ASCII only (the default when the locale is not UTF-8)")
    boolean ascii;

    @Option(names = "--no-mouse", description = "do not capture the mouse (leaves text selection to the terminal)")
    boolean noMouse;

    @Option(names = {"-a", "--all"}, description = "list every cgroup, not only containers (key a toggles it)")
    boolean all;

    /** Parses {@code 2}, {@code 0.5}, {@code 500ms}, {@code 2s}; at least {@link #MIN_INTERVAL}. */
    static final class IntervalConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            BigDecimal millis;
            try {
                if (v.endsWith("ms")) {
                    millis = new BigDecimal(v.substring(0, v.length() - 2));
                } else if (v.endsWith("s")) {
                    millis = new BigDecimal(v.substring(0, v.length() - 1)).movePointRight(3);
                } else {
                    millis = new BigDecimal(v).movePointRight(3);
                }
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a time: expected seconds (2, 0.5) "
                        + "or a number with ms or s (500ms, 2s)");
            }
            if (millis.compareTo(BigDecimal.valueOf(MIN_INTERVAL.toMillis())) < 0) {
                throw new TypeConversionException("'" + value + "' is too short: the interval must be at least 0.2s");
            }
            if (millis.compareTo(BigDecimal.valueOf(86_400_000L)) > 0) {
                throw new TypeConversionException("'" + value + "' is too long: the interval must be at most 1 day");
            }
            return Duration.ofMillis(millis.longValue());
        }
    }
}
