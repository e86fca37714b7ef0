package dev.berth.tui.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyType;
import dev.berth.tui.view.ContainerRow;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The live console's detail graphs reach back into recorded history when the detail view opens. */
class RecordedHistoryTest {
    private static final ContainerRow DB = Fixtures.containers().get(1);

    /** Rows of db at 100 % CPU every 10 s from 100 s to 10 s before the console's first sample. */
    private static final class FakeRecorded implements RecordedHistory {
        final List<String> asked = new ArrayList<>();

        @Override
        public List<Point> rows(String cgroup, Instant from, Instant to) {
            asked.add(cgroup + " " + from + " " + to);
            List<Point> out = new ArrayList<>();
            for (int s = 100; s >= 10; s -= 10) {
                out.add(new Point(Fixtures.AT.minusSeconds(s), withCpu(DB, 100)));
            }
            return out;
        }
    }

    private static ContainerRow withCpu(ContainerRow r, double cpu) {
        return new ContainerRow(r.id(), r.name(), r.runtime(), r.cgroupPath(), r.state(), OptionalDouble.of(cpu),
                r.cpuLimitCores(), r.cpuQuota(), r.memWorkingSetBytes(), r.memLimit(), r.memPctOfLimit(), r.ioReadBps(),
                r.ioWriteBps(), r.netRxBps(), r.netTxBps(), r.pids());
    }

    @Test
    void openingTheDetailViewPrependsOnePointPerIntervalFromTheRowCoveringIt() {
        Harness h = new Harness(120, 40).feed(Fixtures.snapshot());
        FakeRecorded rec = new FakeRecorded();
        h.controller.setRecordedHistory(rec, Duration.ofSeconds(2));
        assertEquals(1, h.state.history.series("id-db", History.Series.CPU).length);
        h.press(KeyType.Enter);
        // 600 points at 2 s: 20 minutes back, and a minute more for the sample before the oldest point
        assertEquals(List.of("id-db " + Fixtures.AT.minusSeconds(1260) + " " + Fixtures.AT), rec.asked);
        double[] cpu = h.state.history.series("id-db", History.Series.CPU);
        // 2 s points from 98 s to 2 s back: 98..10 s back are covered (45 points at 100 %), 8..2 s back fall after
        // the last recorded sample (4 points not measured), then the live point.
        assertEquals(50, cpu.length);
        for (int i = 0; i < 45; i++) {
            assertEquals(100.0, cpu[i], "point " + i);
        }
        for (int i = 45; i < 49; i++) {
            assertTrue(Double.isNaN(cpu[i]), "point " + i);
        }
        assertEquals(80.1, cpu[49], 1e-5, "kept as a float");
        assertEquals(50, h.state.history.series("id-db", History.Series.MEM).length);
        assertEquals(1, h.state.history.series("id-web", History.Series.CPU).length, "only db's was read");
        // the graph shows the recorded points left of the live one: the CPU graph's top row (40 rows: 2 high)
        assertEquals('\u2588', h.cell(119 - 10, 1).getCharacter(), h.text());
    }

    @Test
    void aContainersHistoryIsReadOnce() {
        Harness h = new Harness(120, 40).feed(Fixtures.snapshot());
        FakeRecorded rec = new FakeRecorded();
        h.controller.setRecordedHistory(rec, Duration.ofSeconds(2));
        h.press(KeyType.Enter);
        h.press(KeyType.Escape);
        h.press(KeyType.Enter);
        assertEquals(1, rec.asked.size());
        assertEquals(50, h.state.history.series("id-db", History.Series.CPU).length);
    }

    @Test
    void aStoreThatCannotBeReadLeavesTheLiveGraphAndSaysWhy() {
        Harness h = new Harness(120, 40).feed(Fixtures.snapshot());
        h.controller.setRecordedHistory((cgroup, from, to) -> {
            throw new IOException("/var/lib/berth/history/20261122T0200Z.index: written by a newer berth");
        }, Duration.ofSeconds(2));
        h.press(KeyType.Enter);
        assertEquals(1, h.state.history.series("id-db", History.Series.CPU).length);
        assertTrue(h.text().contains("graphs without recorded history: /var/lib/berth/history/20261122T0200Z.index"),
                h.text());
    }
}
