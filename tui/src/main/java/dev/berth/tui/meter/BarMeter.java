package dev.berth.tui.meter;

import dev.berth.tui.style.Role;
import java.util.List;

/**
 * The values of one bar meter (htop-style {@code CPU [|||||    23.4%]}), computed from a model and
 * drawn by {@link BarRenderer}. Immutable.
 *
 * @param label short label left of the bar ({@code CPU}, {@code Mem})
 * @param segments filled parts, left to right; fractions of the whole bar, summing to at most 1
 * @param text value printed right-aligned inside the bar
 */
public record BarMeter(String label, List<Segment> segments, String text) {
    /** Copies the segment list. */
    public BarMeter {
        segments = List.copyOf(segments);
    }

    /**
     * One filled part of a bar.
     *
     * @param fraction share of the bar, 0..1
     * @param role how to colour it
     */
    public record Segment(double fraction, Role role) {
    }

    /** The role of a usage fraction: green below 60 %, yellow below 85 %, red above. */
    public static Role loadRole(double fraction) {
        return fraction < 0.6 ? Role.BAR_LOW : fraction < 0.85 ? Role.BAR_MID : Role.BAR_HIGH;
    }
}
