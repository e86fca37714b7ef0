package dev.berth.tui.view;

import java.util.Optional;

/**
 * Pressure stall information of one resource ({@code cpu.pressure}, {@code memory.pressure},
 * {@code io.pressure}).
 *
 * @param some share of time some task stalled
 * @param full share of time all tasks stalled; empty when the kernel has no {@code full} line
 */
public record Psi(Line some, Optional<Line> full) {
    /**
     * Averages of one PSI line. Units: percent.
     *
     * @param avg10 over 10 s
     * @param avg60 over 60 s
     * @param avg300 over 300 s
     */
    public record Line(double avg10, double avg60, double avg300) {
    }
}
