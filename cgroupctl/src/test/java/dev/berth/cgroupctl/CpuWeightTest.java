package dev.berth.cgroupctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The shares ↔ weight conversion is the kernel's (1024 shares = weight 100), see {@link CpuWeight}. */
class CpuWeightTest {
    @ParameterizedTest
    @CsvSource({"1024, 100", "2, 1", "512, 50", "102, 10", "262144, 10000", "0, 1", "1000000, 10000", "10240, 1000"})
    void convertsSharesLikeTheKernel(long shares, long weight) {
        assertEquals(new CpuWeight(weight), CpuWeight.fromShares(shares));
    }

    @ParameterizedTest
    @CsvSource({"100, 1024", "1, 10", "50, 512", "10000, 102400", "4, 41"})
    void convertsWeightToShares(long weight, long shares) {
        assertEquals(shares, new CpuWeight(weight).toShares());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 4, 50, 100, 333, 1000, 10000})
    void roundTripsEveryWeight(long weight) {
        assertEquals(new CpuWeight(weight), CpuWeight.fromShares(new CpuWeight(weight).toShares()));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, 10001})
    void refusesOutOfRange(long weight) {
        assertEquals("invalid cpu weight " + weight + ": expected 1..10000",
                assertThrows(IllegalArgumentException.class, () -> new CpuWeight(weight)).getMessage());
    }
}
