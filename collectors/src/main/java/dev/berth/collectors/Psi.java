package dev.berth.collectors;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Pressure stall information for one resource ({@code cpu.pressure}, {@code memory.pressure},
 * {@code io.pressure}): the share of wall time in which some (or all) tasks were stalled.
 *
 * @param someAvg10      % of the last 10 s in which at least one task was stalled
 * @param someAvg60      same over 60 s
 * @param someTotalUsec  total stalled time, microseconds
 * @param fullAvg10      % of the last 10 s in which all non-idle tasks were stalled; empty when the file has
 *                       no {@code full} line (cpu.pressure before Linux 5.13)
 * @param fullTotalUsec  total time fully stalled; empty as above
 */
public record Psi(double someAvg10, double someAvg60, long someTotalUsec, OptionalDouble fullAvg10,
        OptionalLong fullTotalUsec) {
}
