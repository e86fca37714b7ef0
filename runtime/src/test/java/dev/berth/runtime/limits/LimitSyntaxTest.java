package dev.berth.runtime.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.cgroupctl.Limit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LimitSyntaxTest {
    @ParameterizedTest
    @CsvSource({"1, 1", "100, 100", "10000, 10000", "' 50 ', 50"})
    void cpuWeightAcceptsOneToTenThousand(String text, long w) {
        assertEquals(w, LimitSyntax.parseCpuWeight(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "10001", "-5", "99999999999999999999"})
    void cpuWeightOutOfRange(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LimitSyntax.parseCpuWeight(text));
        String expected = text.length() > 18 ? "\"" + text + "\" is not a weight: expected 1..10000 (default 100)"
                : text + " is out of range: expected 1..10000 (default 100)";
        assertEquals(expected, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "max", "1.5", "heavy"})
    void cpuWeightNotANumber(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LimitSyntax.parseCpuWeight(text));
        assertEquals("\"" + text + "\" is not a weight: expected 1..10000 (default 100)", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"6M, 6291456", "512M, 536870912", "1G, 1073741824", "6291456, 6291456"})
    void memoryAcceptsSixMegabytesAndUp(String text, long bytes) {
        assertEquals(Limit.of(bytes), LimitSyntax.parseMemory(text));
        assertEquals(Limit.of(bytes), LimitSyntax.parseMemoryHigh(text));
    }

    @Test
    void memoryMaxIsUnlimited() {
        assertEquals(Limit.UNLIMITED, LimitSyntax.parseMemory("max"));
        assertEquals(Limit.UNLIMITED, LimitSyntax.parseMemoryHigh("max"));
        assertEquals(Limit.UNLIMITED, LimitSyntax.parseMemorySwap("max"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "512", "6291455", "5M", "1k"})
    void memoryBelowSixMegabytesIsRejected(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LimitSyntax.parseMemory(text));
        assertEquals(text + " is below the minimum of 6M: expected 6M or more (e.g. 512M, 1G), or max", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LimitSyntax.parseMemoryHigh(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "512X", "lots", ""})
    void memoryThatIsNoSizeIsRejected(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LimitSyntax.parseMemory(text));
        assertEquals("\"" + text + "\" is not a size: expected a size such as 1024, 512k, 64M, 1.5G or 1T",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LimitSyntax.parseMemorySwap(text));
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "1, 1", "1G, 1073741824"})
    void swapAcceptsZeroAndUp(String text, long bytes) {
        assertEquals(Limit.of(bytes), LimitSyntax.parseMemorySwap(text));
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "100, 100", "4194304, 4194304"})
    void pidsAcceptsOneToPidMaxLimit(String text, long n) {
        assertEquals(Limit.of(n), LimitSyntax.parsePids(text));
    }

    @Test
    void pidsMaxIsUnlimited() {
        assertEquals(Limit.UNLIMITED, LimitSyntax.parsePids("max"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "4194305", "9999999999999999999"})
    void pidsOutOfRange(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LimitSyntax.parsePids(text));
        assertEquals(text + " is out of range: expected 1..4194304, or max", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.5", "ten", "1k"})
    void pidsNotANumber(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LimitSyntax.parsePids(text));
        assertEquals("\"" + text + "\" is not a number of processes: expected 1..4194304, or max", e.getMessage());
    }
}
