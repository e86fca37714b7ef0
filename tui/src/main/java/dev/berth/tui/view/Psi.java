package dev.berth.tui.view;

import java.util.OptionalDouble;

/**
 * Pressure stall information of one resource ({@code cpu.pressure}, {@code memory.pressure},
 * {@code io.pressure}). Units: percent of wall time.
 *
 * @param someAvg10 share of time some task stalled, over 10 s
 * @param someAvg60 the same over 60 s
 * @param fullAvg10 share of time all tasks stalled, over 10 s; empty when the kernel has no {@code full} line
 */
public record Psi(double someAvg10, double someAvg60, OptionalDouble fullAvg10) {
}
