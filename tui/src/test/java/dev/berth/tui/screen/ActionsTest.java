package dev.berth.tui.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.berth.tui.style.Glyphs;
import dev.berth.tui.style.Theme;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Container actions from the keyboard: forms, confirmations, signal choice, errors, read-only mode. */
class ActionsTest {

    @Test
    void freezeAsksFirstThenRunsAndReports() {
        Harness h = new Harness(100, 30).feed(Fixtures.snapshot());
        h.press('f');
        assertTrue(h.text().contains("freeze db (3 processes)?"), h.text());
        assertTrue(h.actions.calls.isEmpty(), "nothing happens before confirmation");
        h.press('n');
        assertTrue(h.actions.calls.isEmpty());
        assertTrue(h.line(28).contains("cancelled"), h.line(28));
        h.press('f');
        h.press('y');
        assertEquals(List.of("freeze db"), h.actions.calls);
        assertTrue(h.line(28).contains("froze db"), h.line(28));
    }

    @Test
    void frozenContainerThawsWithoutQuestion() {
        Harness h = new Harness(100, 30).feed(Fixtures.snapshot());
        h.press(KeyType.End); // cache, frozen, lowest CPU
        h.press('f');
        assertEquals(List.of("thaw cache"), h.actions.calls);
    }

    @Test
    void stopAndKillConfirmAndKillOffersSignals() {
        Harness h = new Harness(100, 30).feed(Fixtures.snapshot());
        h.press('s');
        assertTrue(h.text().contains("stop db (3 processes): SIGTERM, then SIGKILL?"), h.text());
        h.press(KeyType.Escape);
        assertTrue(h.actions.calls.isEmpty());
        h.press('x');
        String t = h.text();
        for (String sig : ActionHandler.SIGNALS) {
            assertTrue(t.contains("SIG" + sig), sig + " offered:\n" + t);
        }
        h.press(KeyType.ArrowDown);
        h.press(KeyType.Enter);
        assertTrue(h.text().contains("send SIGKILL to every process of db (3 processes)?"), h.text());
        h.press('y');
        assertEquals(List.of("kill db KILL"), h.actions.calls);
    }

    @Test
    void limitFormShowsCurrentValuesValidatesAsYouTypeAndAppliesChangesOnly() {
        Harness h = new Harness(120, 40).feed(Fixtures.snapshot());
        h.press('e');
        String t = h.text();
        assertTrue(t.contains("limits of db"), t);
        assertTrue(t.contains("memory max  512M"), t);
        assertTrue(t.contains("cpuset cpus 0-1"), t);
        for (int i = 0; i < 4; i++) {
            h.press(KeyType.Tab);
        }
        h.press(new KeyStroke('u', true, false)); // ^U clears
        h.type("12X");
        assertTrue(h.text().contains("! not a size: '12X'"), h.text());
        assertTrue(h.text().contains("fix the marked fields"), h.text());
        h.press(KeyType.Enter);
        assertTrue(h.actions.calls.isEmpty(), "invalid form is not applied");
        assertTrue(h.state.overlay().isPresent());
        h.press(KeyType.Backspace);
        h.press(KeyType.Backspace);
        h.type("56M");
        assertFalse(h.text().contains("not a size"), h.text());
        h.press(KeyType.Enter);
        assertEquals(List.of("limits db {MEMORY_MAX=156M}"), h.actions.calls);
        assertTrue(h.line(38).contains("applied memory max=156M to db"), h.line(38));
    }

    @Test
    void unchangedFormAppliesNothing() {
        Harness h = new Harness(120, 40).feed(Fixtures.snapshot());
        h.press('e');
        h.press(KeyType.Enter);
        assertTrue(h.actions.calls.isEmpty());
        assertTrue(h.line(38).contains("limits of db unchanged"), h.line(38));
    }

    @Test
    void launchFormRequiresFieldsThenLaunches() {
        Harness h = new Harness(120, 40).feed(Fixtures.snapshot());
        h.press('l');
        assertTrue(h.text().contains("launch a container"), h.text());
        h.press(KeyType.Enter);
        assertTrue(h.actions.calls.isEmpty());
        assertTrue(h.text().contains("! required"), h.text());
        h.type("/srv/rootfs");
        h.press(KeyType.Tab);
        h.type("new1");
        h.press(KeyType.Tab);
        h.type("sleep 1000");
        h.press(KeyType.Enter);
        assertEquals(1, h.actions.calls.size());
        assertTrue(h.actions.calls.get(0).contains("NAME=new1") && h.actions.calls.get(0).contains(
                "COMMAND=sleep 1000"), h.actions.calls.toString());
        assertTrue(h.line(38).contains("launched new1"), h.line(38));
    }

    @Test
    void failuresGoToTheStatusLineAndTheConsoleKeepsRunning() {
        FakeActions fake = new FakeActions();
        fake.failWith = "cgroup /berth/db is gone";
        Harness h = new Harness(100, 30, Theme.color(), Glyphs.unicodeSet(), fake).feed(Fixtures.snapshot());
        h.press('f');
        h.press('y');
        assertTrue(h.line(28).contains("freeze db: cgroup /berth/db is gone"), h.line(28));
        assertTrue(h.cell(1, 28).getBackgroundColor() == com.googlecode.lanterna.TextColor.ANSI.RED);
        h.press('j');
        assertEquals("id-web", h.selected().orElseThrow());
        h.controller.onSampleError("cannot read /proc/stat");
        h.render();
        assertTrue(h.line(28).contains("sampling failed: cannot read /proc/stat"), h.line(28));
    }

    @Test
    void readOnlyShowsBannerAndExplains() {
        FakeActions fake = new FakeActions();
        fake.unavailable = Optional.of("berth runs as uid 1000; cgroup writes need root");
        Harness h = new Harness(100, 30, Theme.color(), Glyphs.unicodeSet(), fake).feed(Fixtures.snapshot());
        assertTrue(h.line(0).contains("READ-ONLY"), h.line(0));
        assertTrue(h.line(28).contains("read-only: berth runs as uid 1000"), h.line(28));
        for (char c : "efsxl".toCharArray()) {
            h.press(c);
            assertTrue(h.line(28).contains("unavailable: berth runs as uid 1000; cgroup writes need root"),
                    c + ": " + h.line(28));
            assertTrue(h.state.overlay().isEmpty());
        }
        assertTrue(fake.calls.isEmpty());
    }

    @Test
    void groupingRowsInTreeViewAreNotContainers() {
        Harness h = new Harness(100, 30).feed(Fixtures.snapshot());
        h.press('T');
        h.press(KeyType.Home);
        assertEquals("/", h.selected().orElseThrow());
        h.press('f');
        assertTrue(h.line(28).contains("select a container first"), h.line(28));
    }
}
