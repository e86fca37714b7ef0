package dev.berth.collectors.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class UnitsTest {
    @Test
    void bytesLikeDstat() {
        assertEquals("0", Units.bytes(0));
        assertEquals("512B", Units.bytes(512));
        assertEquals("999B", Units.bytes(999));
        assertEquals("1.0k", Units.bytes(1000));
        assertEquals("11k", Units.bytes(11 * 1024));
        assertEquals("999k", Units.bytes(999 * 1024));
        assertEquals("1.5M", Units.bytes(1.5 * 1024 * 1024));
        assertEquals("100M", Units.bytes(100L << 20));
        assertEquals("2.0G", Units.bytes(2L << 30));
    }

    @Test
    void countsInThousands() {
        assertEquals("950", Units.count(950));
        assertEquals("1.2k", Units.count(1200));
        assertEquals("12M", Units.count(12_000_000));
    }

    @Test
    void unavailableIsDashNeverZero() {
        assertEquals("-", Units.bytes(OptionalDouble.empty()));
        assertEquals("-", Units.bytes(OptionalLong.empty()));
        assertEquals("-", Units.count(OptionalLong.empty()));
        assertEquals("-", Units.percent(OptionalDouble.empty()));
        assertEquals("0", Units.bytes(OptionalLong.of(0)));
    }

    @Test
    void percent() {
        assertEquals("50.3", Units.percent(OptionalDouble.of(50.31)));
        assertEquals("180", Units.percent(OptionalDouble.of(180.2)));
        assertEquals("50", Units.wholePercent(OptionalDouble.of(50.4)));
    }

    /**
     * {@link Units#fixed} writes what {@code String.format("%.Nf")} writes, ties included (Java rounds the shortest
     * decimal of the double half up: 0.15 is 0.2 at one decimal, where C's printf says 0.1), for 0-2 decimals over
     * a fixed pseudo-random set: uniform values, values on and next to every tie, negatives, -0.0, huge, NaN.
     */
    @Test
    void fixedWritesWhatTheFormatterWrites() {
        java.util.Random r = new java.util.Random(42);
        java.util.List<Double> xs = new java.util.ArrayList<>(java.util.List.of(0.0, -0.0, 0.05, 0.15, 0.25, 1.005,
                2.675, 9.95, 99.95, 999.5, -0.04, -1.25, 1e300, Double.MIN_VALUE, Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
        for (int i = 0; i < 20_000; i++) {
            xs.add(r.nextDouble() * 1000);
            xs.add(Math.round(r.nextDouble() * 100_000) / 1000.0 + 0.0005);
            xs.add(r.nextInt(20_000) / 200.0);
            xs.add(Math.nextUp(r.nextInt(2000) / 20.0));
            xs.add(-r.nextDouble() * 10);
        }
        for (double x : xs) {
            for (int n = 0; n <= 2; n++) {
                assertEquals(String.format(java.util.Locale.ROOT, "%." + n + "f", x), Units.fixed(x, n), x + " at " + n);
            }
        }
    }
}
