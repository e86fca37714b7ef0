package dev.berth.history.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One interval of a report. Immutable.
 *
 * @param start    the interval's start, UTC
 * @param end      the time of the last sample in it
 * @param recorder the recorder's zone offset at that sample
 * @param values   one per column; empty where the value could not be derived (no previous sample, a counter reset,
 *                 the container absent)
 */
public record Row(Instant start, Instant end, ZoneOffset recorder, List<OptionalDouble> values) {
    public Row {
        values = List.copyOf(values);
    }
}
