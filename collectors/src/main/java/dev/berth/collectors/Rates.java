package dev.berth.collectors;

import java.time.Duration;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Per-second rates from two readings of a cumulative counter. A counter that went backwards (the cgroup was
 * recreated under the same path, the interface was re-added, the kernel wrapped it) gives no rate rather than a
 * negative or huge one; so does a non-positive interval. Stateless.
 */
public final class Rates {
    private Rates() {
    }

    /** {@code (current - previous) / elapsed} per second, or empty (see the class comment). */
    public static OptionalDouble perSecond(long previous, long current, Duration elapsed) {
        if (current < previous || elapsed.isNegative() || elapsed.isZero()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((current - previous) / seconds(elapsed));
    }

    /** As {@link #perSecond(long, long, Duration)}, empty when either reading is unavailable. */
    public static OptionalDouble perSecond(OptionalLong previous, OptionalLong current, Duration elapsed) {
        if (previous.isEmpty() || current.isEmpty()) {
            return OptionalDouble.empty();
        }
        return perSecond(previous.getAsLong(), current.getAsLong(), elapsed);
    }

    /** The interval in seconds, with nanosecond precision. */
    public static double seconds(Duration d) {
        return d.getSeconds() + d.getNano() / 1e9;
    }

    static OptionalDouble scale(OptionalDouble v, double factor) {
        return v.isPresent() ? OptionalDouble.of(v.getAsDouble() * factor) : v;
    }
}
