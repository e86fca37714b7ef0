package dev.berth.tui.screen;

import dev.berth.tui.style.Glyphs;
import dev.berth.tui.style.Role;
import dev.berth.tui.style.Span;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link Timeline} as one row, in the style of a media player's seek bar:
 * <pre> 10:00:00 ----*---|------*--- 10:59:50  set web memory max -> 256M ...</pre>
 * the track spans the samples held, {@code *} marks an event, the highlighted cell is the sample shown; after the
 * bar, the last event at or before the sample shown (or the next one, when none came before). Pure.
 */
final class TimelineRenderer {
    static final char EVENT = '*';
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private TimelineRenderer() {
    }

    /** The row for a terminal {@code width} columns wide. */
    static List<Span> spans(Timeline t, int width, Glyphs g) {
        String from = " " + TIME.format(t.from().atZone(t.zone())) + " ";
        String to = " " + TIME.format(t.to().atZone(t.zone())) + " ";
        int bar = Math.max(4, Math.min(60, (width - from.length() - to.length()) / 2));
        char[] track = new char[bar];
        java.util.Arrays.fill(track, g.horizontal());
        for (Timeline.Mark m : t.marks()) {
            track[column(t, m.at(), bar)] = EVENT;
        }
        int pos = column(t, t.at(), bar);
        if (track[pos] != EVENT) {
            track[pos] = g.vertical();
        }
        List<Span> out = new ArrayList<>();
        out.add(new Span(from, Role.DIM));
        String s = new String(track);
        out.add(new Span(s.substring(0, pos), Role.DIM));
        out.add(new Span(s.substring(pos, pos + 1), Role.BANNER));
        out.add(new Span(s.substring(pos + 1), Role.DIM));
        out.add(new Span(to, Role.DIM));
        out.add(new Span(" " + info(t), t.marks().isEmpty() ? Role.DIM : Role.VALUE));
        return out;
    }

    /** The column of {@code at} on a track {@code bar} cells wide. */
    static int column(Timeline t, Instant at, int bar) {
        long span = Duration.between(t.from(), t.to()).toMillis();
        if (span <= 0) {
            return 0;
        }
        long off = Duration.between(t.from(), at).toMillis();
        long c = Math.round((double) off * (bar - 1) / span);
        return (int) Math.max(0, Math.min(bar - 1, c));
    }

    private static String info(Timeline t) {
        if (t.marks().isEmpty()) {
            return "no events";
        }
        Timeline.Mark last = null;
        Timeline.Mark next = null;
        for (Timeline.Mark m : t.marks()) {
            if (!m.at().isAfter(t.at())) {
                last = m;
            } else if (next == null) {
                next = m;
            }
        }
        return last != null ? last.line() : "next: " + next.line();
    }
}
