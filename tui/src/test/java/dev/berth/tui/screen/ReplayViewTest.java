package dev.berth.tui.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyType;
import dev.berth.tui.style.Glyphs;
import dev.berth.tui.style.Role;
import dev.berth.tui.style.Span;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Replay's screens: the banner, the timeline with its events, and the detail view's events of its container. */
class ReplayViewTest {
    private static final String SET = "02:59:00  set db memory max -> 512M  by uid 0 (cli)  ok";

    /** A replay 5 minutes into a 10-minute span, with one event a minute before the position. */
    private static final class FakeReplay implements Replay {
        List<Timeline.Mark> marks = List.of(new Timeline.Mark(Fixtures.AT.minusSeconds(60), SET));

        @Override
        public void step(int frames) {
        }

        @Override
        public void jump(Duration d) {
        }

        @Override
        public void jumpTo(LocalTime t) {
        }

        @Override
        public void togglePause() {
        }

        @Override
        public String banner() {
            return "REPLAY 2026-11-22 03:00:00 +00:00";
        }

        @Override
        public List<String> newEvents() {
            return List.of();
        }

        @Override
        public Optional<Timeline> timeline() {
            return Optional.of(new Timeline(Fixtures.AT.minusSeconds(300), Fixtures.AT.plusSeconds(300), Fixtures.AT,
                    ZoneOffset.UTC, marks));
        }

        @Override
        public List<String> eventsOf(String cgroup, String name) {
            return cgroup.equals("/berth/db") ? List.of(SET) : List.of();
        }
    }

    private static Harness replay(int cols, int rows, FakeReplay r) {
        Harness h = new Harness(cols, rows);
        h.controller.setReplay(r);
        return h.feed(Fixtures.snapshot());
    }

    @Test
    void theMainViewShowsTheBannerAndTheTimelineWithItsEventAboveTheStatusLine() {
        Harness h = replay(120, 30, new FakeReplay());
        assertTrue(h.line(0).contains("REPLAY 2026-11-22 03:00:00 +00:00"), h.line(0));
        String row = h.line(27);
        // 120 columns: a 50-cell track after " 02:55:00 "; the event at 4/10 of the span, the position at 5/10.
        assertTrue(row.startsWith(" 02:55:00 "), h.text());
        assertEquals('*', h.cell(10 + 20, 27).getCharacter(), row);
        assertEquals('\u2502', h.cell(10 + 25, 27).getCharacter(), row);
        // the event's line after the bar, cut at the edge
        assertTrue(row.contains(" 03:05:00  02:59:00  set db memory max -> 512M  by uid 0"), row);
        assertTrue(h.headerRow() > 0 && h.headerRow() < 27, h.text());
    }

    @Test
    void theTimelineSaysWhatComesNextWhenNoEventCameBefore() {
        FakeReplay r = new FakeReplay();
        r.marks = List.of(new Timeline.Mark(Fixtures.AT.plusSeconds(120), SET));
        Harness h = replay(120, 30, r);
        assertTrue(h.line(27).contains(" 03:05:00  next: 02:59:00  set db memory max -> 512M"), h.line(27));
        r.marks = List.of();
        h.render();
        assertTrue(h.line(27).contains("no events"), h.line(27));
    }

    @Test
    void theDetailViewListsTheContainersEventsAndKeepsTheTimeline() {
        Harness h = replay(120, 40, new FakeReplay());
        h.press(KeyType.Enter);
        h.feed(Fixtures.snapshot(Fixtures.containers(), Optional.of(Fixtures.detail("id-db"))));
        assertTrue(h.line(0).startsWith(" db "), h.text());
        assertTrue(h.line(0).contains(" REPLAY 2026-11-22 03:00:00 +00:00 "), h.line(0));
        int heading = h.rowOf("Events  up to this sample");
        assertTrue(heading > 0, h.text());
        assertEquals(" " + SET, h.line(heading + 1).stripTrailing());
        assertTrue(h.line(37).contains(" 03:05:00  02:59:00  set db memory max -> 512M"), h.text());
        assertTrue(h.rowOf("Limits") > heading, h.text());
    }

    @Test
    void theLiveDetailViewHasNoEventsSection() {
        Harness h = new Harness(120, 40).feed(Fixtures.snapshot());
        h.press(KeyType.Enter);
        h.feed(Fixtures.snapshot(Fixtures.containers(), Optional.of(Fixtures.detail("id-db"))));
        assertEquals(-1, h.rowOf("Events"), h.text());
    }

    @Test
    void anEventAtThePositionKeepsItsMarkHighlighted() {
        Timeline t = new Timeline(Fixtures.AT, Fixtures.AT.plusSeconds(90), Fixtures.AT, ZoneOffset.UTC,
                List.of(new Timeline.Mark(Fixtures.AT, SET)));
        List<Span> spans = TimelineRenderer.spans(t, 80, Glyphs.asciiSet());
        assertEquals(new Span("*", Role.BANNER), spans.get(2));
        assertEquals("", spans.get(1).text());
        assertEquals(" " + SET, spans.get(5).text());
    }

    @Test
    void aSpanOfOneSampleDrawsEverythingAtTheStart() {
        Instant at = Fixtures.AT;
        Timeline t = new Timeline(at, at, at, ZoneOffset.UTC, List.of());
        assertEquals(0, TimelineRenderer.column(t, at, 30));
        List<Span> spans = TimelineRenderer.spans(t, 80, Glyphs.asciiSet());
        assertEquals(new Span("|", Role.BANNER), spans.get(2));
        assertEquals("-".repeat(29), spans.get(3).text());
    }
}
