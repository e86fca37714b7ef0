package dev.berth.collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RatesTest {
    @Test
    void perSecond() {
        assertEquals(50.0, Rates.perSecond(100, 200, Duration.ofSeconds(2)).getAsDouble(), 1e-9);
        assertEquals(400.0, Rates.perSecond(100, 200, Duration.ofMillis(250)).getAsDouble(), 1e-9);
        assertEquals(0.0, Rates.perSecond(7, 7, Duration.ofSeconds(1)).getAsDouble(), 1e-9);
    }

    @Test
    void counterGoingBackwardsGivesNoRate() {
        assertTrue(Rates.perSecond(200, 100, Duration.ofSeconds(1)).isEmpty());
    }

    @Test
    void nonPositiveIntervalGivesNoRate() {
        assertTrue(Rates.perSecond(1, 2, Duration.ZERO).isEmpty());
        assertTrue(Rates.perSecond(1, 2, Duration.ofSeconds(-1)).isEmpty());
    }

    @Test
    void unavailableReadingGivesNoRate() {
        assertTrue(Rates.perSecond(OptionalLong.empty(), OptionalLong.of(5), Duration.ofSeconds(1)).isEmpty());
        assertTrue(Rates.perSecond(OptionalLong.of(5), OptionalLong.empty(), Duration.ofSeconds(1)).isEmpty());
    }
}
