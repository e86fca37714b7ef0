package dev.berth.runtime.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.cgroupctl.CpuMax;
import dev.berth.cgroupctl.Limit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CpuQuotaTest {
    @ParameterizedTest
    @CsvSource({"0.5, 50000, 0.5", "1, 100000, 1", "2, 200000, 2", "1.25, 125000, 1.25", ".5, 50000, 0.5",
        "0.01, 1000, 0.01", "0.015, 1500, 0.015", "1.50, 150000, 1.5", "10, 1000000, 10",
        "8192, 819200000, 8192"})
    void convertsToQuotaOverAHundredMillisecondPeriod(String text, long quota, String shown) {
        CpuQuota q = CpuQuota.parse(text);
        assertEquals(new CpuMax(Limit.of(quota), 100_000), q.toCpuMax());
        assertEquals(shown, q.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"max", "MAX"})
    void maxRemovesTheQuota(String text) {
        CpuQuota q = CpuQuota.parse(text);
        assertTrue(q.isUnlimited());
        assertEquals(new CpuMax(Limit.UNLIMITED, 100_000), q.toCpuMax());
        assertEquals("max", q.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.009", "0.00"})
    void belowOneMillisecondIsRejectedWithTheRange(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CpuQuota.parse(text));
        assertEquals(text + " is below the minimum of 0.01 cpus (1 ms per 100 ms period): expected 0.01..8192, or max",
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-1", "1/2", "half", "1e2", "0,5", "1.", "+1"})
    void nonNumbersAreRejected(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CpuQuota.parse(text));
        assertEquals("\"" + text + "\" is not a number of cpus: expected 0.01..8192 (e.g. 0.5), or max", e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void aboveAnyHostIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CpuQuota.parse("8193"));
        assertEquals("8193 is out of range: expected 0.01..8192 cpus, or max", e.getMessage());
    }
}
