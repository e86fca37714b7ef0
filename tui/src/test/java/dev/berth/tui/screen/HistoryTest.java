package dev.berth.tui.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.collectors.ContainerState;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The detail graphs' rings: they grow as points come, keep the last {@code capacity}, oldest first. */
class HistoryTest {
    private static void feed(History h, int from, int to) {
        for (int i = from; i < to; i++) {
            h.record(Fixtures.snapshot(List.of(Fixtures.row("web", "berth", ContainerState.RUNNING, i, 1024L * i,
                    OptionalLong.empty(), 0)), Optional.empty()));
        }
    }

    @Test
    void keepsEveryPointWhileGrowingAndTheLastCapacityOnceFull() {
        History h = new History(600);
        feed(h, 0, 33);
        double[] early = h.series("id-web", History.Series.CPU);
        assertEquals(33, early.length, "past the first array of 32");
        for (int i = 0; i < 33; i++) {
            assertEquals(i, early[i], "point " + i);
        }
        feed(h, 33, 700);
        double[] cpu = h.series("id-web", History.Series.CPU);
        double[] mem = h.series("id-web", History.Series.MEM);
        assertEquals(600, cpu.length);
        for (int i = 0; i < 600; i++) {
            assertEquals(100 + i, cpu[i], "cpu point " + i);
            assertEquals(1024.0 * (100 + i), mem[i], "memory point " + i);
        }
    }

    @Test
    void aSmallCapacityWrapsWithoutGrowingPastIt() {
        History h = new History(5);
        feed(h, 0, 12);
        double[] cpu = h.series("id-web", History.Series.CPU);
        assertEquals(5, cpu.length);
        for (int i = 0; i < 5; i++) {
            assertEquals(7 + i, cpu[i], "point " + i);
        }
    }
}
