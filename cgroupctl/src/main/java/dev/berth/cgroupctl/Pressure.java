package dev.berth.cgroupctl;

import java.util.Optional;

/**
 * Pressure stall information of one resource ({@code cpu.pressure}, {@code memory.pressure}, {@code io.pressure}).
 *
 * @param some time some tasks were stalled
 * @param full time all non-idle tasks were stalled; empty when the kernel prints no {@code full} line
 *             ({@code cpu.pressure} before Linux 5.13)
 */
public record Pressure(PressureLine some, Optional<PressureLine> full) {
}
