package dev.berth.tui.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyType;
import dev.berth.tui.view.ContainerRow;
import dev.berth.tui.view.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The detail view: graphs from history, limits, PSI, memory, devices, interfaces, processes. */
class DetailViewTest {

    private static Snapshot withCpu(double cpu) {
        List<ContainerRow> rows = new ArrayList<>();
        for (ContainerRow r : Fixtures.containers()) {
            rows.add(r.id().equals("id-db") ? new ContainerRow(r.id(), r.name(), r.runtime(), r.cgroupPath(),
                    r.state(), OptionalDouble.of(cpu), r.cpuLimitCores(), r.cpuQuota(), r.memWorkingSetBytes(), r.memLimit(),
                    r.memPctOfLimit(), r.ioReadBps(), r.ioWriteBps(), r.netRxBps(), r.netTxBps(), r.pids()) : r);
        }
        return Fixtures.snapshot(rows, Optional.of(Fixtures.detail("id-db")));
    }

    @Test
    void enterOpensDetailWithEverySection() {
        Harness h = new Harness(120, 40).feed(Fixtures.snapshot());
        h.press(KeyType.Enter);
        assertEquals(Optional.of("id-db"), h.controller.focus(), "sampler is asked for db's detail");
        assertTrue(h.text().contains("collecting detail..."), h.text());
        for (int i = 0; i <= 100; i += 10) {
            h.feed(withCpu(i));
        }
        String t = h.text();
        assertTrue(h.line(0).startsWith(" db   runc  running  /berth/db"), h.text());
        for (String s : new String[] {"CPU        100%", "MEM", "IO", "NET", "Limits", "memory max   512M",
            "cpuset cpus  0-1", "Pressure", "cpu                 1.5   0.8         0.2", "memory              2.3   1.0           -", "io           unsupported",
            "Memory  working set 900M", "anon          100M", "Block IO", "253:0", "Network", "eth0",
            "COMMAND (2 processes)", "nginx: master process", "nginx: worker process"}) {
            assertTrue(t.contains(s), s + " missing:\n" + t);
        }
    }

    @Test
    void cpuGraphRisesWithHistory() {
        Harness h = new Harness(120, 40).feed(Fixtures.snapshot());
        h.press(KeyType.Enter);
        for (int i = 0; i <= 100; i += 10) {
            h.feed(withCpu(i));
        }
        // 40 rows: graphs 2 rows high; the CPU graph is rows 1-2, newest sample at the right edge
        assertEquals('\u2588', h.cell(119, 1).getCharacter(), "100% fills the top row");
        assertEquals(' ', h.cell(119 - 10, 1).getCharacter(), "0% leaves the top row empty");
        assertEquals(' ', h.cell(119 - 10, 2).getCharacter());
        char mid = h.cell(119 - 5, 2).getCharacter(); // 50%: bottom row full, top row empty
        assertEquals('\u2588', mid);
        assertEquals(' ', h.cell(119 - 5, 1).getCharacter());
    }

    @Test
    void escReturnsToTheSameRowAndGoneContainerIsReported() {
        Harness h = new Harness(100, 30).feed(Fixtures.snapshot());
        h.press('j');
        h.press(KeyType.Enter);
        assertTrue(h.line(0).startsWith(" web "), h.line(0));
        h.feed(Fixtures.snapshot(Fixtures.containers().subList(1, 2), Optional.empty()));
        assertTrue(h.text().contains("container is gone"), h.text());
        h.feed(Fixtures.snapshot());
        h.press(KeyType.Escape);
        assertEquals(ConsoleState.View.MAIN, h.state.view());
        assertEquals("id-web", h.selected().orElseThrow());
    }

    @Test
    void actionsInDetailViewTargetItsContainer() {
        Harness h = new Harness(100, 30).feed(Fixtures.snapshot());
        h.press(KeyType.End);
        h.press(KeyType.Enter);
        h.press('x');
        h.press(KeyType.Enter);
        h.press('y');
        assertEquals(List.of("kill cache TERM"), h.actions.calls);
    }

    @Test
    void bodyScrollsAtSmallSizes() {
        Harness h = new Harness(60, 16).feed(Fixtures.snapshot());
        h.press(KeyType.Enter);
        h.feed(withCpu(5));
        assertTrue(!h.text().contains("nginx: worker process"), "processes below the fold at 60x16");
        for (int i = 0; i < 40; i++) {
            h.press(KeyType.ArrowDown);
        }
        assertTrue(h.text().contains("nginx: worker process"), h.text());
    }
}
