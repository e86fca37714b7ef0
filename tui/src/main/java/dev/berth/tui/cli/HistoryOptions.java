package dev.berth.tui.cli;

import dev.berth.history.StoreLocation;
import dev.berth.history.report.TimeSpec;
import dev.berth.runtime.limits.ByteSize;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --store DIR}, shared by {@code record}, {@code history} and {@code replay}; and their converters. */
final class HistoryOptions {
    @Option(names = "--store", paramLabel = "DIR",
            description = "the history store (default: $BERTH_HISTORY_STORE, else /var/lib/berth/history as root, "
                    + "$XDG_STATE_HOME/berth/store otherwise)")
    Path store;

    /** The store directory: {@code --store}, or the default ({@link #defaultDir}). */
    Path dir(Map<String, String> env) {
        return dir(store, env);
    }

    /** {@code store} when given (not null), else the default ({@link #defaultDir}): for the console's own --store. */
    static Path dir(Path store, Map<String, String> env) {
        return store != null ? store : defaultDir(env);
    }

    /**
     * The store when {@code --store} is not given: {@code $BERTH_HISTORY_STORE} when set (so that control actions
     * reach a recorder's store wherever it is), else the default for this user ({@link StoreLocation}).
     */
    static Path defaultDir(Map<String, String> env) {
        String set = env.get("BERTH_HISTORY_STORE");
        if (set != null && !set.isEmpty()) {
            return Path.of(set);
        }
        long uid;
        try {
            uid = ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
        } catch (java.io.IOException | RuntimeException e) {
            uid = -1;
        }
        return StoreLocation.defaultDir(uid, env, Path.of(System.getProperty("user.home")));
    }

    /** A duration as {@link TimeSpec#duration} reads it: {@code 10s}, {@code 1h30m}, {@code 500ms}. */
    static String text(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        StringBuilder b = new StringBuilder();
        long days = d.toDays();
        if (days > 0) {
            b.append(days).append('d');
        }
        if (d.toHoursPart() > 0) {
            b.append(d.toHoursPart()).append('h');
        }
        if (d.toMinutesPart() > 0) {
            b.append(d.toMinutesPart()).append('m');
        }
        if (d.toSecondsPart() > 0) {
            b.append(d.toSecondsPart()).append('s');
        }
        if (d.toMillisPart() > 0) {
            b.append(d.toMillisPart()).append("ms");
        }
        return b.toString();
    }

    /** A duration: 500ms, 10s, 5m, 2h, 14d, 1h30m. */
    static final class DurationConverter extends ParsingConverter<Duration> {
        DurationConverter() {
            super(TimeSpec::duration);
        }
    }

    /** A size: 512M, 2G. */
    static final class SizeConverter extends ParsingConverter<Long> {
        SizeConverter() {
            super(ByteSize::parseBytes);
        }
    }
}
