package dev.berth.tui.screen;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The replay's timeline, a view-model: the span of recorded samples held around the position, the sample shown,
 * and the control events recorded in that span. {@link TimelineRenderer} draws it as one row. Immutable.
 *
 * @param from  the first sample of the span
 * @param to    the last sample of the span ({@code from} when it holds one sample)
 * @param at    the sample shown
 * @param zone  the display zone of the span's times
 * @param marks the control events in {@code [from, to]}, in time order
 */
public record Timeline(Instant from, Instant to, Instant at, ZoneId zone, List<Mark> marks) {

    /** Copies the marks; checks the span. */
    public Timeline {
        Objects.requireNonNull(zone, "zone");
        marks = List.copyOf(marks);
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("timeline ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /**
     * One event on the timeline.
     *
     * @param at   when it was recorded
     * @param line the event as {@code berth history --events} prints it
     */
    public record Mark(Instant at, String line) {
    }
}
