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
}
