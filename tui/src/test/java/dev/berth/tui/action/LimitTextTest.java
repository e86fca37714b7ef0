package dev.berth.tui.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.cgroupctl.CpuMax;
import dev.berth.cgroupctl.IoLimit;
import dev.berth.cgroupctl.Limit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LimitTextTest {
    @Test
    void validValuesPassAndBlankMeansUnchanged() {
        assertEquals(Optional.empty(), LimitText.validate(LimitField.CPU_QUOTA, "0.5"));
        assertEquals(Optional.empty(), LimitText.validate(LimitField.CPU_QUOTA, "max"));
        assertEquals(Optional.empty(), LimitText.validate(LimitField.MEMORY_MAX, "256M"));
        assertEquals(Optional.empty(), LimitText.validate(LimitField.PIDS_MAX, "100"));
        assertEquals(Optional.empty(), LimitText.validate(LimitField.CPUSET_CPUS, "0-1"));
        assertEquals(Optional.empty(), LimitText.validate(LimitField.MEMORY_HIGH, ""));
        assertEquals(Optional.empty(), LimitText.validate(LimitField.IO, "8:0 rbps=1M wiops=100; 253:0 wbps=max"));
        assertEquals(Optional.empty(), LimitText.validate(LimitField.IO, ""));
    }

    @Test
    void invalidValuesNameTheValue() {
        assertTrue(LimitText.validate(LimitField.MEMORY_MAX, "12X").orElseThrow().contains("12X"));
        assertTrue(LimitText.validate(LimitField.CPU_WEIGHT, "0").isPresent());
        assertTrue(LimitText.validate(LimitField.CPU_QUOTA, "-1").isPresent());
        assertTrue(LimitText.validate(LimitField.PIDS_MAX, "lots").isPresent());
        assertTrue(LimitText.validate(LimitField.IO, "8:0").orElseThrow().contains("8:0"));
        assertTrue(LimitText.validate(LimitField.IO, "8:0 fast=1").orElseThrow().contains("fast=1"));
    }

    @Test
    void currentValuesFormatInTheFormSyntax() {
        assertEquals("0.5", LimitText.cores(new CpuMax(Limit.of(50_000), 100_000)));
        assertEquals("2", LimitText.cores(new CpuMax(Limit.of(200_000), 100_000)));
        assertEquals("max", LimitText.cores(new CpuMax(Limit.UNLIMITED, 100_000)));
        assertEquals("512M", LimitText.bytes(Limit.of(512L << 20)));
        assertEquals("max", LimitText.bytes(Limit.UNLIMITED));
        assertEquals(List.of("8:0 rbps=1M wiops=100"), LimitText.io(List.of(
                new IoLimit(8, 0, IoLimit.Kind.READ_BPS, Limit.of(1 << 20)),
                new IoLimit(8, 0, IoLimit.Kind.WRITE_IOPS, Limit.of(100)),
                new IoLimit(8, 0, IoLimit.Kind.WRITE_BPS, Limit.UNLIMITED))));
    }
}
