package dev.berth.tui.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.history.event.Event;
import dev.berth.history.store.StoreOptions;
import dev.berth.history.store.StoreReader;
import dev.berth.history.store.StoreWriter;
import dev.berth.history.testing.Frames;
import dev.berth.tui.screen.Timeline;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replay's view-model of events: the timeline's span, position and marks, and a container's events so far. */
class ReplaySourceTest {
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    @TempDir
    Path store;
    /** The console's clock. */
    Instant now = Instant.parse("2026-12-01T08:00:00Z");

    private static Event event(String id, int second, Event.Kind kind, String name, Optional<String> cgroup,
            Event.Outcome outcome) {
        return new Event(id, T0.plusSeconds(second), kind, name, cgroup, kind.isControl() ? OptionalLong.of(0)
                : OptionalLong.empty(), kind.isControl() ? "cli" : "recorder",
                kind == Event.Kind.SET ? List.of(new Event.Change("memory", Optional.of("max"), "256M")) : List.of(),
                outcome);
    }

    private ReplaySource replay() throws IOException {
        try (StoreWriter w = new StoreWriter(store, StoreOptions.DEFAULT)) {
            for (int k = 0; k <= 30; k++) {
                Instant at = T0.plusSeconds(10L * k);
                w.append(Frames.frame(at, ZoneOffset.UTC, Frames.container(at, "web", 100_000L * k, 64L << 20),
                        Frames.container(at, "db", 0, 32L << 20)));
            }
        }
        List<Event> events = List.of(
                event("a", 5, Event.Kind.APPEARED, "db", Optional.of("/berth/db"), Event.Outcome.OK),
                event("s", 35, Event.Kind.SET, "web", Optional.of("/berth/web"), Event.Outcome.OK),
                event("f", 100, Event.Kind.FREEZE, "web", Optional.empty(), Event.Outcome.failed("no such container")),
                event("late", 4000, Event.Kind.KILL, "web", Optional.of("/berth/web"), Event.Outcome.OK));
        return new ReplaySource(new StoreReader(store, w -> { }), T0.plusSeconds(30), ZoneOffset.UTC, "host", events,
                Duration.ofSeconds(1), () -> now);
    }

    @Test
    void theTimelineSpansTheSamplesHeldAndMarksTheControlEventsInIt() throws IOException {
        ReplaySource r = replay();
        Timeline t = r.timeline().orElseThrow();
        assertEquals(T0, t.from());
        assertEquals(T0.plusSeconds(300), t.to());
        assertEquals(T0.plusSeconds(30), t.at());
        // the appearance is an observation, not a control action; the kill is outside the span
        assertEquals(List.of(T0.plusSeconds(35), T0.plusSeconds(100)), t.marks().stream().map(Timeline.Mark::at)
                .toList());
        assertEquals("10:00:35  set web memory max -> 256M  by uid 0 (cli)  ok", t.marks().get(0).line());
        r.step(2);
        assertEquals(T0.plusSeconds(50), r.timeline().orElseThrow().at());
    }

    @Test
    void aContainersEventsAreThoseUpToTheSampleShownByCgroupOrByNameWithoutOne() throws IOException {
        ReplaySource r = replay();
        assertEquals(List.of(), r.eventsOf("/berth/web", "web"));
        assertEquals(1, r.eventsOf("/berth/db", "db").size());
        assertTrue(r.eventsOf("/berth/db", "db").get(0).contains("appeared db"), r.eventsOf("/berth/db", "db").toString());
        r.step(1);
        assertEquals(List.of("10:00:35  set web memory max -> 256M  by uid 0 (cli)  ok"), r.eventsOf("/berth/web", "web"));
        r.step(7);
        List<String> web = r.eventsOf("/berth/web", "web");
        assertEquals(2, web.size(), web.toString());
        assertTrue(web.get(1).contains("freeze web") && web.get(1).contains("failed: no such container"), web.get(1));
        assertEquals(List.of(), r.eventsOf("/berth/cache", "cache"));
    }

    @Test
    void playingStepsOncePerIntervalButNotForAnEarlySample() throws IOException {
        ReplaySource r = replay();
        assertEquals(T0.plusSeconds(30), r.sample(SampleRequest.DEFAULT).at());
        // a recorder does not store the host's uptime: the header leaves it out rather than show 0
        assertEquals(Optional.empty(), r.sample(SampleRequest.DEFAULT).host().uptime());
        now = now.plusSeconds(1);
        assertEquals(T0.plusSeconds(40), r.sample(SampleRequest.DEFAULT).at());
        now = now.plusMillis(300);
        SampleRequest detail = new SampleRequest(Optional.of("/berth/web"), false, false);
        var s = r.sample(detail);
        assertEquals(T0.plusSeconds(40), s.at(), "the detail view opened: same sample, with its detail");
        assertTrue(s.detail().isPresent());
        now = now.plusMillis(100);
        assertEquals(T0.plusSeconds(40), r.sample(detail).at(), "a second early sample, 0.4 s after the step");
        now = now.plusMillis(500);
        assertEquals(T0.plusSeconds(50), r.sample(detail).at());
        r.togglePause();
        now = now.plusSeconds(5);
        assertEquals(T0.plusSeconds(50), r.sample(detail).at(), "paused");
    }
}
