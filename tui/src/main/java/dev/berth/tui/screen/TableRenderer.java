package dev.berth.tui.screen;

import dev.berth.tui.format.Cells;
import dev.berth.tui.style.Painter;
import dev.berth.tui.style.Role;
import dev.berth.tui.view.ContainerRow;
import dev.berth.collectors.ContainerState;
import java.util.List;

/** Draws the container table: a header row with the sort marker, then the visible rows. */
final class TableRenderer {
    private TableRenderer() {
    }

    static void draw(Painter p, MainLayout l, ConsoleState s, List<TableRow> rows) {
        TableLayout tl = TableLayout.compute(l.width());
        s.tableLayout = tl;
        s.tableHeaderRow = l.tableHeaderRow();
        s.tableBodyRows = Math.max(1, l.tableBodyRows());
        header(p, l, s, tl);
        clampScroll(s, rows, l.tableBodyRows());
        long hostMem = s.snapshot == null ? 0 : s.snapshot.host().memTotalBytes();
        for (int i = 0; i < l.tableBodyRows(); i++) {
            int y = l.tableHeaderRow() + 1 + i;
            int idx = s.scrollTop + i;
            if (idx >= rows.size()) {
                p.blank(0, y, l.width(), Role.NORMAL);
                if (i == 0 && rows.isEmpty()) {
                    p.put(1, y, emptyMessage(s), Role.DIM);
                }
                continue;
            }
            TableRow r = rows.get(idx);
            boolean selected = r.key().equals(s.selectedKey);
            row(p, l.width(), y, tl, r, selected, hostMem, s);
        }
    }

    private static String emptyMessage(ConsoleState s) {
        if (s.snapshot == null) {
            return "collecting first sample...";
        }
        return s.filter.isBlank() ? "no containers found" : "no container matches filter '" + s.filter + "'";
    }

    private static void header(Painter p, MainLayout l, ConsoleState s, TableLayout tl) {
        p.blank(0, l.tableHeaderRow(), l.width(), Role.TABLE_HEADER);
        for (TableLayout.Cell c : tl.cells()) {
            boolean sorted = c.column() == s.sort;
            String title = c.column().title();
            if (sorted) {
                boolean descending = c.column().ascendingByDefault() == s.reverse;
                title = title + (descending ? s.glyphs.sortDown() : s.glyphs.sortUp());
            }
            String text = c.column().rightAligned() ? Cells.pad(title, Math.max(c.width(), title.length()))
                    : Cells.padRight(title, c.width(), s.glyphs.ellipsis());
            if (text.length() > c.width() && c.column().rightAligned()) {
                text = text.substring(text.length() - c.width());
            }
            p.put(c.x(), l.tableHeaderRow(), text, sorted ? Role.TABLE_HEADER_SORTED : Role.TABLE_HEADER);
        }
    }

    private static void row(Painter p, int width, int y, TableLayout tl, TableRow r, boolean selected, long hostMem,
            ConsoleState s) {
        Role base = selected ? Role.SELECTED : Role.NORMAL;
        p.blank(0, y, width, base);
        for (TableLayout.Cell c : tl.cells()) {
            String text;
            Role role = base;
            if (c.column() == Column.NAME) {
                text = nameCell(r.label(), c.width(), s.glyphs.ellipsis());
                if (r.container().isEmpty() && !selected) {
                    role = Role.DIM;
                }
            } else if (r.container().isEmpty()) {
                continue;
            } else {
                ContainerRow cr = r.container().get();
                text = c.column().cell(cr, hostMem);
                text = c.column().rightAligned() ? Cells.pad(text, c.width())
                        : Cells.padRight(text, c.width(), s.glyphs.ellipsis());
                if (!selected && c.column() == Column.STATE) {
                    role = stateRole(cr.state());
                }
            }
            p.put(c.x(), y, text, role);
        }
    }

    /**
     * The NAME cell: a cgroup path that does not fit keeps its end ({@code ~sole-42/web}), where
     * paths differ; other names keep their start.
     */
    static String nameCell(String label, int width, char ellipsis) {
        if (label.startsWith("/") && label.length() > width && width > 1) {
            return ellipsis + label.substring(label.length() - width + 1);
        }
        return Cells.padRight(label, width, ellipsis);
    }

    private static Role stateRole(ContainerState st) {
        return switch (st) {
            case RUNNING -> Role.STATE_RUNNING;
            case FROZEN -> Role.STATE_FROZEN;
            case EXITED -> Role.STATE_EXITED;
        };
    }

    /** Keeps the selection on screen, and on an existing row (first row when it vanished). */
    static void clampScroll(ConsoleState s, List<TableRow> rows, int bodyRows) {
        int sel = indexOf(rows, s.selectedKey);
        if (sel < 0 && !rows.isEmpty()) {
            sel = Math.min(Math.max(0, s.scrollTop), rows.size() - 1);
            s.selectedKey = rows.get(sel).key();
        }
        int body = Math.max(1, bodyRows);
        if (sel >= 0 && sel < s.scrollTop) {
            s.scrollTop = sel;
        } else if (sel >= s.scrollTop + body) {
            s.scrollTop = sel - body + 1;
        }
        s.scrollTop = Math.max(0, Math.min(s.scrollTop, Math.max(0, rows.size() - body)));
    }

    static int indexOf(List<TableRow> rows, String key) {
        if (key == null) {
            return -1;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
