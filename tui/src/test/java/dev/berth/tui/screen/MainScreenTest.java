package dev.berth.tui.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.input.MouseAction;
import com.googlecode.lanterna.input.MouseActionType;
import dev.berth.tui.keys.Result;
import dev.berth.tui.style.Glyphs;
import dev.berth.tui.style.Theme;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The main screen on lanterna's virtual terminal: layout, sorting, filter, panels, resize, modes. */
class MainScreenTest {

    private static List<String> tableNames(Harness h) {
        int header = h.headerRow();
        List<String> names = new ArrayList<>();
        for (int r = header + 1; r < h.terminal.getTerminalSize().getRows() - 2; r++) {
            String n = h.line(r).strip().split("\\s+")[0];
            if (!n.isEmpty()) {
                names.add(n);
            }
        }
        return names;
    }

    @Test
    void layoutAt80x24ShowsHeaderMetersTableAndFooter() {
        Harness h = new Harness(80, 24).feed(Fixtures.snapshot());
        String title = h.line(0);
        assertTrue(title.startsWith(" berth  berth-host  up 2d 02:07  load 0.52 0.40 0.33  berth 1.2% 85M"), title);
        assertTrue(h.line(1).startsWith("CPU["), h.line(1));
        assertTrue(h.line(1).contains("23.4%]"), h.line(1));
        assertTrue(h.line(1).contains("Mem["), h.line(1));
        assertTrue(h.line(1).contains("1.2G/4.0G]"), h.line(1));
        assertTrue(h.line(2).contains("Swp[") && h.line(2).contains(" 0/1.0G]"), h.line(2));
        assertTrue(h.line(2).contains("Ctr    4 running 3 frozen 1 exited 0"), h.line(2));
        assertTrue(h.line(3).startsWith("IO  read  1.5M/s  write  300k/s"), h.line(3));
        assertTrue(h.line(3).contains("Net rx   12k/s  tx  3.0k/s"), h.line(3));
        assertEquals(4, h.headerRow());
        String header = h.line(4);
        for (String col : new String[] {"NAME", "STATE", "CPU%", "MEM", "MEMLIM", "MEM%", "IOR/s", "PIDS"}) {
            assertTrue(header.contains(col), col + " missing in " + header);
        }
        assertEquals(80, header.length());
        assertEquals(List.of("db", "web", "batch", "cache"), tableNames(h));
        assertTrue(h.line(22).contains("4/4 containers, sort CPU%"), h.line(22));
        assertTrue(h.line(23).startsWith("?Help EnterDetail /Filter >Sort TTree eLimits fFreeze"), h.line(23));
    }

    @Test
    void layoutAt200x50ShowsEveryColumn() {
        Harness h = new Harness(200, 50).feed(Fixtures.snapshot());
        String header = h.line(h.headerRow());
        for (Column c : Column.values()) {
            assertTrue(header.contains(c.title()), c.title() + " missing in " + header);
        }
        String db = h.line(h.rowOf(" 80.1"));
        assertTrue(db.startsWith("db "), db);
        assertTrue(db.contains("runc") && db.contains("running") && db.contains("900M") && db.contains("max"), db);
        assertTrue(h.line(49).contains("qQuit"), h.line(49));
    }

    @Test
    void sortsByKeysClicksAndReverses() {
        Harness h = new Harness(120, 40).feed(Fixtures.snapshot());
        assertEquals(List.of("db", "web", "batch", "cache"), tableNames(h));
        h.press('r');
        assertEquals(List.of("cache", "batch", "web", "db"), tableNames(h));
        h.press('r');
        h.press('>'); // CPU% -> CPULIM
        assertEquals(Column.CPU_LIMIT, h.state.sort());
        h.press('<');
        h.press('<');
        h.press('<');
        assertEquals(Column.RUNTIME, h.state.sort(), "STATE then RUNTIME before CPU%");
        assertEquals(List.of("web", "batch", "cache", "db"), tableNames(h)); // berth, lxc, podman, runc
        int headerRow = h.headerRow();
        int memX = h.line(headerRow).indexOf("MEM ");
        h.press(new MouseAction(MouseActionType.CLICK_DOWN, 1, new TerminalPosition(memX + 1, headerRow)));
        assertEquals(Column.MEM, h.state.sort());
        assertEquals(List.of("db", "web", "cache", "batch"), tableNames(h));
        assertTrue(h.line(headerRow).contains("MEM\u25bc"), h.line(headerRow));
        h.press(new MouseAction(MouseActionType.CLICK_DOWN, 1, new TerminalPosition(memX + 1, headerRow)));
        assertTrue(h.state.reverse());
        assertEquals(List.of("batch", "cache", "web", "db"), tableNames(h));
        int nameX = h.line(headerRow).indexOf("NAME");
        h.press(new MouseAction(MouseActionType.CLICK_DOWN, 1, new TerminalPosition(nameX, headerRow)));
        assertEquals(List.of("batch", "cache", "db", "web"), tableNames(h));
    }

    @Test
    void filterNarrowsLiveAndEscClears() {
        Harness h = new Harness(100, 30).feed(Fixtures.snapshot());
        h.press('/');
        assertTrue(h.line(28).startsWith("Filter: _"), h.line(28));
        h.type("ca");
        assertEquals(List.of("cache"), tableNames(h));
        assertTrue(h.line(28).startsWith("Filter: ca_"), h.line(28));
        h.press(KeyType.Backspace);
        h.type("b");
        assertEquals(List.of(), tableNames(h).stream().filter(n -> !n.startsWith("no")).toList(), "'cb' matches none");
        h.press(KeyType.Backspace);
        h.press(KeyType.Backspace);
        h.type("lxc");
        h.press(KeyType.Enter);
        assertEquals(List.of("batch"), tableNames(h));
        assertTrue(h.line(28).contains("1/4 containers") && h.line(28).contains("filter 'lxc'"), h.line(28));
        h.press(KeyType.Escape);
        assertEquals(4, tableNames(h).size());
        h.press('/');
        h.type("nothing");
        assertTrue(h.text().contains("no container matches filter 'nothing'"), h.text());
    }

    @Test
    void panelsToggleWithNmonKeys() {
        Harness h = new Harness(120, 40).feed(Fixtures.snapshot());
        h.press('c');
        assertTrue(h.line(4).startsWith("  0["), h.line(4));
        assertTrue(h.line(4).contains("  1["), h.line(4));
        h.press('m');
        assertTrue(h.rowOf("Mem total 4.0G used 1.2G") > 0, h.text());
        h.press('d');
        assertTrue(h.rowOf("DISK") > 0 && h.rowOf("vda") > 0, h.text());
        h.press('n');
        assertTrue(h.rowOf("IFACE") > 0 && h.rowOf("eth0") > 0, h.text());
        h.press('t');
        assertTrue(h.rowOf("java -jar berth.jar") > 0, h.text());
        assertEquals(4, tableNames(h).size(), "table still shows every container");
        for (char c : "cmdnt".toCharArray()) {
            h.press(c);
        }
        assertEquals(4, h.headerRow());
    }

    @Test
    void treeViewGroupsByCgroupHierarchy() {
        Harness h = new Harness(120, 40).feed(Fixtures.snapshot());
        h.press('T');
        String t = h.text();
        assertTrue(t.contains("\u251c\u2500berth ") || t.contains("\u2514\u2500berth "), t);
        assertTrue(t.contains("\u2502 \u251c\u2500db") || t.contains("  \u251c\u2500db"), t);
        assertTrue(t.contains("lxc.payload.batch (batch)"), t);
        assertTrue(h.line(38).contains("tree"), h.line(38));
    }

    @Test
    void helpOverlayListsEveryBinding() {
        Harness h = new Harness(120, 40).feed(Fixtures.snapshot());
        h.press('?');
        String t = h.text();
        for (dev.berth.tui.keys.Action a : dev.berth.tui.keys.Action.values()) {
            assertTrue(t.contains(a.description()), a + " missing from help:\n" + t);
        }
        assertTrue(t.contains("x F9") && t.contains("send a signal"), t);
        h.press(KeyType.Escape);
        assertFalse(h.text().contains("send a signal"));
    }

    @Test
    void resizeDownTo40x10AndBackNeverCrashes() {
        Harness h = new Harness(120, 40).feed(Fixtures.snapshot());
        h.resize(40, 10);
        assertTrue(h.line(0).startsWith(" berth "), h.line(0));
        String header = h.line(h.headerRow());
        assertTrue(header.contains("CPU%") && header.contains("MEM"), header);
        assertFalse(header.contains("RX/s"), header);
        assertEquals(40, header.length());
        assertTrue(tableNames(h).size() >= 2, h.text());
        h.resize(20, 5);
        assertTrue(h.text().contains("terminal too small"), h.text());
        assertEquals(Result.REDRAW, h.press('j'));
        h.resize(120, 40);
        assertTrue(h.line(h.headerRow()).contains("TX/s"));
        assertEquals(List.of("db", "web", "batch", "cache"), tableNames(h));
        assertFalse(h.text().contains("too small"));
    }

    @Test
    void monochromeUsesNoColours() {
        Harness h = new Harness(100, 30, Theme.monochrome(), Glyphs.unicodeSet(), new FakeActions())
                .feed(Fixtures.snapshot());
        h.press('?');
        for (int r = 0; r < 30; r++) {
            for (int c = 0; c < 100; c++) {
                assertEquals(TextColor.ANSI.DEFAULT, h.cell(c, r).getForegroundColor(), "fg at " + c + "," + r);
                assertEquals(TextColor.ANSI.DEFAULT, h.cell(c, r).getBackgroundColor(), "bg at " + c + "," + r);
            }
        }
        h.press(KeyType.Escape);
        int header = h.headerRow();
        assertTrue(h.cell(0, header).isReversed(), "table header in reverse video");
        Harness colour = new Harness(100, 30).feed(Fixtures.snapshot());
        assertEquals(TextColor.ANSI.GREEN, colour.cell(0, colour.rowOf("NAME")).getBackgroundColor());
    }

    @Test
    void asciiModeDrawsOnlyAscii() {
        Harness h = new Harness(120, 40, Theme.color(), Glyphs.asciiSet(), new FakeActions());
        h.feed(Fixtures.snapshot());
        h.feed(Fixtures.snapshot(Fixtures.containers(), java.util.Optional.empty()));
        h.press('T');
        assertAscii(h);
        h.press('?');
        assertAscii(h);
        assertTrue(h.text().contains("+-"), "ASCII box corners");
        h.press(KeyType.Escape);
        h.press('T');
        h.press(KeyType.Enter);
        h.feed(Fixtures.snapshot(Fixtures.containers(), java.util.Optional.of(Fixtures.detail("id-db"))));
        assertAscii(h);
        assertTrue(h.text().contains("v"), "descending marker is 'v'");
    }

    private static void assertAscii(Harness h) {
        String t = h.text();
        for (int i = 0; i < t.length(); i++) {
            assertTrue(t.charAt(i) < 128, "non-ASCII '" + t.charAt(i) + "' in\n" + t);
        }
    }

    @Test
    void mouseSelectsRowsAndWheelScrolls() {
        Harness h = new Harness(120, 40).feed(Fixtures.snapshot());
        int webRow = h.rowOf("web ");
        h.press(new MouseAction(MouseActionType.CLICK_DOWN, 1, new TerminalPosition(2, webRow)));
        assertEquals("id-web", h.selected().orElseThrow());
        assertEquals(TextColor.ANSI.CYAN, h.cell(0, webRow).getBackgroundColor(), "selected row highlighted");
        h.press(new MouseAction(MouseActionType.SCROLL_DOWN, 5, new TerminalPosition(2, webRow)));
        assertEquals("id-cache", h.selected().orElseThrow());
        h.press(new MouseAction(MouseActionType.SCROLL_UP, 4, new TerminalPosition(2, webRow)));
        assertEquals("id-db", h.selected().orElseThrow());
        h.now = h.now.plusSeconds(5);
        int dbRow = h.rowOf("db ");
        h.press(new MouseAction(MouseActionType.CLICK_DOWN, 1, new TerminalPosition(2, dbRow)));
        h.press(new MouseAction(MouseActionType.CLICK_DOWN, 1, new TerminalPosition(2, dbRow)));
        assertEquals(ConsoleState.View.DETAIL, h.state.view(), "double click opens the detail view");
    }

    @Test
    void keysMoveSelectionAndQuit() {
        Harness h = new Harness(80, 24).feed(Fixtures.snapshot());
        assertEquals("id-db", h.selected().orElseThrow());
        h.press(KeyType.ArrowDown);
        h.press('j');
        assertEquals("id-batch", h.selected().orElseThrow());
        h.press(KeyType.End);
        assertEquals("id-cache", h.selected().orElseThrow());
        h.press('g');
        assertEquals("id-db", h.selected().orElseThrow());
        assertEquals(Result.IGNORED, h.press('Z'));
        assertEquals(Result.QUIT, h.press('q'));
        assertEquals(Result.QUIT, h.press(new com.googlecode.lanterna.input.KeyStroke('c', true, false)));
    }
}
