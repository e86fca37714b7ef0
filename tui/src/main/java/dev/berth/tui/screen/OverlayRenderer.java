package dev.berth.tui.screen;

import com.googlecode.lanterna.TerminalPosition;
import dev.berth.tui.format.Cells;
import dev.berth.tui.keys.Action;
import dev.berth.tui.keys.KeyBindings;
import dev.berth.tui.style.Glyphs;
import dev.berth.tui.style.Painter;
import dev.berth.tui.style.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Draws the open {@link Overlay} in a centred box; returns where the text cursor belongs, if anywhere. */
final class OverlayRenderer {
    private OverlayRenderer() {
    }

    static Optional<TerminalPosition> draw(Painter p, int width, int height, ConsoleState s, KeyBindings keys) {
        Overlay o = s.overlay;
        if (o instanceof Overlay.Help h) {
            help(p, width, height, s, keys, h);
        } else if (o instanceof Overlay.Warnings w) {
            warnings(p, width, height, s, w);
        } else if (o instanceof Overlay.Confirm c) {
            List<String> lines = List.of(c.question(), "", "y yes    n / Esc no");
            box(p, width, height, "Confirm", lines, -1, s.glyphs);
        } else if (o instanceof Overlay.Choice c) {
            List<String> lines = new ArrayList<>(c.options());
            lines.add("");
            lines.add("Up/Down choose  Enter pick  Esc cancel");
            box(p, width, height, c.title(), lines, c.selected(), s.glyphs);
        } else if (o instanceof Overlay.FormBox f) {
            return Optional.of(form(p, width, height, f.form(), s.glyphs));
        }
        return Optional.empty();
    }

    /** The help text: one line per action, keys from the binding table. */
    static List<String> helpLines(KeyBindings keys) {
        List<String> lines = new ArrayList<>();
        for (Action a : Action.values()) {
            List<String> k = keys.keysFor(a).stream().map(KeyBindings::display).toList();
            lines.add(Cells.padRight(String.join(" ", k), 16, '~') + " " + a.description());
        }
        lines.add("");
        lines.add("Mouse: click a row to select, click a column title to sort (again to reverse),");
        lines.add("       wheel to scroll, double-click a row for its detail view");
        return lines;
    }

    private static void help(Painter p, int width, int height, ConsoleState s, KeyBindings keys, Overlay.Help h) {
        List<String> all = helpLines(keys);
        int rows = Math.max(1, Math.min(all.size(), height - 4));
        int scroll = Math.max(0, Math.min(h.scroll(), all.size() - rows));
        List<String> shown = new ArrayList<>(all.subList(scroll, Math.min(all.size(), scroll + rows)));
        String title = "Keys" + (all.size() > rows ? " (" + (scroll + 1) + "-" + (scroll + shown.size()) + " of "
                + all.size() + ", Up/Down scroll)" : "") + "  Esc/? close";
        box(p, width, height, title, shown, -1, s.glyphs);
    }

    private static void warnings(Painter p, int width, int height, ConsoleState s, Overlay.Warnings w) {
        List<String> all = s.snapshot == null ? List.of() : s.snapshot.warnings();
        if (all.isEmpty()) {
            all = List.of("the last sample read everything");
        }
        int rows = Math.max(1, Math.min(all.size(), height - 4));
        int scroll = Math.max(0, Math.min(w.scroll(), all.size() - rows));
        List<String> shown = new ArrayList<>(all.subList(scroll, Math.min(all.size(), scroll + rows)));
        String title = "Warnings" + (all.size() > rows ? " (" + (scroll + 1) + "-" + (scroll + shown.size()) + " of "
                + all.size() + ", Up/Down scroll)" : "") + "  Esc close";
        box(p, width, height, title, shown, -1, s.glyphs);
    }

    private static TerminalPosition form(Painter p, int width, int height, Form f, Glyphs g) {
        int labelW = 0;
        for (Form.Field fl : f.fields()) {
            labelW = Math.max(labelW, fl.label().length());
        }
        int boxW = Math.min(width, Math.max(60, Math.min(100, width - 4)));
        int inputW = Math.max(8, Math.min(30, boxW - labelW - 8));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < f.fields().size(); i++) {
            lines.add("");
            lines.add("");
        }
        lines.add("");
        lines.add(f.valid() ? "Enter apply   Tab/Up/Down move   ^U clear   Esc cancel"
                : "fix the marked fields to apply   Esc cancel");
        Rect r = box(p, width, height, f.title(), lines, -1, g, boxW);
        TerminalPosition cursor = null;
        for (int i = 0; i < f.fields().size(); i++) {
            Form.Field fl = f.fields().get(i);
            int y = r.top() + 1 + i * 2;
            int x = r.left() + 2;
            if (y >= r.top() + r.height() - 1) {
                break;
            }
            p.put(x, y, Cells.padRight(fl.label(), labelW, '~') + " ", Role.OVERLAY);
            String v = f.value(i);
            boolean focus = i == f.focus();
            String shown = v.length() > inputW - 1 ? v.substring(v.length() - inputW + 1) : v;
            Role inRole = !fl.enabled() ? Role.OVERLAY : focus ? Role.INPUT_FOCUSED : Role.INPUT;
            p.put(x + labelW + 1, y, Cells.padRight(fl.enabled() ? shown : "n/a", inputW, g.ellipsis()), inRole);
            if (focus) {
                cursor = new TerminalPosition(x + labelW + 1 + shown.length(), y);
            }
            Optional<String> err = f.error(i);
            String note = err.map(e -> "! " + e).orElse(fl.hint());
            int noteW = r.left() + r.width() - 2 - (x + 2);
            p.put(x + 2, y + 1, Cells.padRight("  " + note, Math.max(0, noteW), g.ellipsis()),
                    err.isPresent() ? Role.INPUT_ERROR : Role.OVERLAY);
        }
        return cursor;
    }

    /**
     * A box rectangle.
     *
     * @param left first column
     * @param top first row
     * @param width columns
     * @param height rows
     */
    record Rect(int left, int top, int width, int height) {
    }

    private static Rect box(Painter p, int width, int height, String title, List<String> lines, int highlight,
            Glyphs g) {
        int w = title.length() + 6;
        for (String l : lines) {
            w = Math.max(w, l.length() + 4);
        }
        return box(p, width, height, title, lines, highlight, g, Math.min(w, width));
    }

    private static Rect box(Painter p, int width, int height, String title, List<String> lines, int highlight,
            Glyphs g, int boxW) {
        int boxH = Math.min(height, lines.size() + 2);
        int left = Math.max(0, (width - boxW) / 2);
        int top = Math.max(0, (height - boxH) / 2);
        String edge = String.valueOf(g.horizontal()).repeat(Math.max(0, boxW - 2));
        p.put(left, top, g.topLeft() + edge + g.topRight(), Role.OVERLAY);
        String t = " " + title + " ";
        if (t.length() <= boxW - 4) {
            p.put(left + 2, top, t, Role.OVERLAY_TITLE);
        }
        for (int i = 0; i < boxH - 2; i++) {
            int y = top + 1 + i;
            p.put(left, y, String.valueOf(g.vertical()), Role.OVERLAY);
            String text = i < lines.size() ? lines.get(i) : "";
            p.put(left + 1, y, " " + Cells.padRight(text, Math.max(0, boxW - 4), g.ellipsis()) + " ",
                    i == highlight ? Role.SELECTED : Role.OVERLAY);
            p.put(left + boxW - 1, y, String.valueOf(g.vertical()), Role.OVERLAY);
        }
        p.put(left, top + boxH - 1, g.bottomLeft() + edge + g.bottomRight(), Role.OVERLAY);
        return new Rect(left, top, boxW, boxH);
    }
}
