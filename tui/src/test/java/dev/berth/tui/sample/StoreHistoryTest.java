package dev.berth.tui.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.history.store.StoreOptions;
import dev.berth.history.store.StoreWriter;
import dev.berth.history.testing.Frames;
import dev.berth.tui.screen.RecordedHistory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store as the live console's recorded history: one container's rows, rates derived as the live view does. */
class StoreHistoryTest {
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void rowsOfOneContainerWithTheRatesOfThePeriodBeforeEach() throws IOException {
        Path store = dir.resolve("store");
        try (StoreWriter w = new StoreWriter(store, StoreOptions.DEFAULT)) {
            long usage = 0;
            for (int k = 0; k <= 20; k++) {
                // Between sample k-1 and k, web uses k/10 s of CPU in 10 s: k %.
                usage += 100_000L * k;
                Instant at = T0.plusSeconds(10L * k);
                w.append(Frames.frame(at, ZoneOffset.UTC, Frames.container(at, "web", usage, (64L + k) << 20),
                        Frames.container(at, "db", 5_000_000L * k, 32L << 20)));
            }
        }
        List<RecordedHistory.Point> rows = new StoreHistory(store).rows("/berth/web", T0.plusSeconds(50),
                T0.plusSeconds(100));
        assertEquals(List.of(50L, 60L, 70L, 80L, 90L), rows.stream()
                .map(p -> p.at().getEpochSecond() - T0.getEpochSecond()).toList());
        // The first row of the period has no sample before it: no rate, as in the live view's first sample.
        assertTrue(rows.get(0).row().cpuPct().isEmpty());
        for (int i = 1; i < rows.size(); i++) {
            assertEquals(5.0 + i, rows.get(i).row().cpuPct().getAsDouble(), 1e-9, "row " + i);
            assertEquals("/berth/web", rows.get(i).row().id());
        }
        assertEquals((64L + 9) << 20, rows.get(4).row().memWorkingSetBytes().getAsLong());
    }

    @Test
    void aStoreThatDoesNotExistHasNoRows() throws IOException {
        assertEquals(List.of(), new StoreHistory(dir.resolve("none")).rows("/berth/web", T0, T0.plusSeconds(60)));
    }
}
