package dev.berth.tui.cli;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * The console's options, shared by {@code berth} (no subcommand) and {@code berth console}: given before
 * {@code console} ({@code berth --interval 1 console}) they apply as if given after it; before any other
 * subcommand they are refused ({@link Main}), not silently ignored.
 */
public final class ConsoleOptions {
    /** The names of these options, for refusing them before a subcommand they do not apply to. */
    static final java.util.Set<String> NAMES = java.util.Set.of("-i", "--interval", "--no-color", "--ascii",
            "--no-mouse", "-a", "--all", "--store");

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

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

    @Option(names = "--store", paramLabel = "DIR", converter = StoreDirConverter.class,
            description = "the history store the detail graphs reach back into (default: $BERTH_HISTORY_STORE, "
                    + "else where berth record writes by default)")
    Path store;

    /**
     * These options, where one not given here is taken from {@code outer} if it was given there:
     * {@code berth --interval 1 console} means {@code berth console --interval 1}.
     */
    ConsoleOptions orOuter(ConsoleOptions outer) {
        if (outer == null || outer == this) {
            return this;
        }
        ConsoleOptions o = new ConsoleOptions();
        o.interval = given("--interval") || !outer.given("--interval") ? interval : outer.interval;
        o.noColor = noColor || outer.noColor;
        o.ascii = ascii || outer.ascii;
        o.noMouse = noMouse || outer.noMouse;
        o.all = all || outer.all;
        o.store = store != null ? store : outer.store;
        return o;
    }

    private boolean given(String option) {
        ParseResult parsed = mixee == null ? null : mixee.commandLine().getParseResult();
        return parsed != null && parsed.hasMatchedOption(option);
    }

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

    /**
     * A history store given on the command line: it must be a directory (a store a recorder writes or wrote), so
     * that a typo is a usage error rather than graphs that silently never reach back.
     */
    static final class StoreDirConverter implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path p;
            try {
                p = Path.of(value);
            } catch (InvalidPathException e) {
                throw new TypeConversionException("'" + value + "' is not a path");
            }
            if (!Files.isDirectory(p)) {
                throw new TypeConversionException("no history store at '" + value + "': expected the directory "
                        + "berth record writes");
            }
            return p;
        }
    }
}
