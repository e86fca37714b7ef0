package dev.berth.tui.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
