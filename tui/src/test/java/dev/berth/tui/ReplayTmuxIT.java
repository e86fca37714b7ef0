package dev.berth.tui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.history.event.Event;
import dev.berth.history.event.EventJournal;
import dev.berth.history.store.StoreOptions;
import dev.berth.history.store.StoreWriter;
import dev.berth.history.testing.Frames;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code berth replay} in a real terminal (tmux, the packaged jar): it opens on the recorded sample asked for,
 * {@code t} and {@code T} step forward and back showing the recorded values, a recorded {@code set} is on the
 * timeline, shown when reached and listed in the container's detail view, and a control key answers that control
 * is disabled.
 */
class ReplayTmuxIT {
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void stepsForwardAndBackShowingTheRecordedValues() throws Exception {
        Assumptions.assumeTrue(Tmux.available(), "tmux is not installed");
        String launcher = ConsoleTmuxIT.launcher(tmp);
        Path store = tmp.resolve("store");
        try (StoreWriter w = new StoreWriter(store, StoreOptions.DEFAULT)) {
            long usage = 0;
            for (int k = 0; k <= 30; k++) {
                // Between sample k-1 and k, web uses k/10 s of CPU in 10 s: k %.
                usage += 100_000L * k;
                Instant at = T0.plusSeconds(10L * k);
                w.append(Frames.frame(at, ZoneOffset.UTC, Frames.container(at, "web", usage, 64L << 20)));
            }
        }
        new EventJournal(store).append(new Event("e1", T0.plusSeconds(35), Event.Kind.SET, "web",
                Optional.of("/berth/web"), OptionalLong.of(0), "cli",
                List.of(new Event.Change("memory", Optional.of("max"), "256M")), Event.Outcome.OK));
        try (Tmux tmux = Tmux.start("berth-test-replay-" + ProcessHandle.current().pid(), 120, 30,
                "env PS1='berth-e2e$ ' sh")) {
            tmux.await(20, s -> s.contains("berth-e2e$"), "the shell prompt");
            // An interval of an hour: the replay stays on a sample until a key moves it.
            tmux.type("env TZ=UTC " + launcher.replace("env ", "") + " replay --store '" + store
                    + "' --from 2026-11-30T10:00:30Z --interval 1h");
            tmux.keys("Enter");
            // The banner follows the position at once; the row when the sample for it has been derived. A frame
            // reaches tmux in pieces: wait for every part asserted below, not for the first of them.
            String screen = tmux.await(60, s -> s.contains("REPLAY 2026-11-30 10:00:30 +00:00")
                    && cpu(s, "3.0") && s.contains(" 10:05:00  next: 10:00:35  set web memory max -> 256M"),
                    "the first sample and its timeline");
            // The timeline: from 10:00:00 to 10:05:00, the event ahead of the position.
            assertTrue(screen.lines().anyMatch(l -> l.startsWith(" 10:00:00 ") && l.contains("*")
                    && l.contains(" 10:05:00  next: 10:00:35  set web memory max -> 256M")), screen);
            tmux.keys("t");
            screen = tmux.await(20, s -> s.contains("REPLAY 2026-11-30 10:00:40") && cpu(s, "4.0")
                    && s.contains(" 10:05:00  10:00:35  set web memory max -> 256M"), "the next sample and its timeline");
            assertTrue(screen.contains("set web memory max -> 256M"), screen);
            assertTrue(screen.lines().anyMatch(l -> l.startsWith(" 10:00:00 ")
                    && l.contains(" 10:05:00  10:00:35  set web memory max -> 256M")), screen);
            // The detail view lists web's events up to the sample shown.
            tmux.keys("Enter");
            // The detail arrives (the sample taken on opening asks for it) at the same position: no step.
            screen = tmux.await(20, s -> s.contains("Events  up to this sample") && s.contains("Limits")
                    && s.contains("REPLAY 2026-11-30 10:00:40 +00:00")
                    && s.contains(" 10:00:35  set web memory max -> 256M  by uid 0"),
                    "the detail view's events and detail");
            assertTrue(screen.contains("REPLAY 2026-11-30 10:00:40 +00:00"), screen);
            assertTrue(screen.lines().anyMatch(l -> l.startsWith(" 10:00:35  set web memory max -> 256M  by uid 0")),
                    screen);
            System.out.println("replay detail view after t:\n" + screen);
            tmux.keys("Escape");
            tmux.await(20, s -> cpu(s, "4.0"), "the table again");
            tmux.keys("T");
            tmux.keys("T");
            screen = tmux.await(20, s -> s.contains("REPLAY 2026-11-30 10:00:20") && cpu(s, "2.0"), "two samples back");
            tmux.keys("f");
            tmux.await(20, s -> s.contains("control keys are disabled"), "the refusal of a control key");
            tmux.keys("q");
            tmux.await(20, s -> s.contains("berth-e2e$") && !s.contains("REPLAY"), "the prompt after quitting");
        }
    }

    /** Whether the web row shows {@code percent} in the CPU% column. */
    private static boolean cpu(String screen, String percent) {
        return screen.lines().anyMatch(l -> l.matches("web\\s+berth\\s+running\\s+" + percent.replace(".", "\\.")
                + "\\s.*"));
    }
}
