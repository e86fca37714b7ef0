package dev.berth.cgroupctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class LimitTest {
    @Test
    void maxAndNumbers() {
        assertTrue(Limit.UNLIMITED.isUnlimited());
        assertEquals(OptionalLong.empty(), Limit.UNLIMITED.value());
        assertEquals("max", Limit.UNLIMITED.toString());
        assertEquals(OptionalLong.of(512), Limit.of(512).value());
        assertEquals("512", Limit.of(512).toString());
        assertEquals(Limit.of(7), Limit.parse(" 7\n"));
        assertEquals(Limit.UNLIMITED, Limit.parse("max"));
    }

    @Test
    void refusesNegativesAndJunkNamingTheValue() {
        assertEquals("invalid limit -1: expected a non-negative integer or max",
                assertThrows(IllegalArgumentException.class, () -> Limit.of(-1)).getMessage());
        assertEquals("invalid limit \"12k\": expected a non-negative integer or max",
                assertThrows(IllegalArgumentException.class, () -> Limit.parse("12k")).getMessage());
    }
}
