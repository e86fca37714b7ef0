package dev.berth.tui.screen;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which columns fit in a width, and where: the table's geometry as data, recomputed on every
 * frame from the current width. Columns are added by priority until the next one would squeeze
 * NAME below {@link Column#NAME_MIN}; they are then laid out in declaration order, one space apart.
 *
 * @param cells the placed columns, left to right
 */
public record TableLayout(List<Cell> cells) {
    /**
     * One placed column.
     *
     * @param column the column
     * @param x first cell
     * @param width cells wide
     */
    public record Cell(Column column, int x, int width) {
    }

    /** Lays out the columns in {@code width} cells. */
    public static TableLayout compute(int width) {
        List<Column> byPriority = new ArrayList<>(List.of(Column.values()));
        byPriority.sort(Comparator.comparingInt(Column::priority));
        List<Column> chosen = new ArrayList<>();
        int fixed = 0;
        for (Column c : byPriority) {
            if (c == Column.NAME) {
                chosen.add(c);
                continue;
            }
            int need = fixed + c.width() + 1;
            if (width - need >= Column.NAME_MIN) {
                chosen.add(c);
                fixed = need;
            }
        }
        int nameWidth = Math.max(1, Math.min(Column.NAME_MAX, width - fixed));
        List<Cell> cells = new ArrayList<>();
        int x = 0;
        for (Column c : Column.values()) {
            if (!chosen.contains(c)) {
                continue;
            }
            int w = c == Column.NAME ? nameWidth : c.width();
            if (x > 0) {
                x++;
            }
            cells.add(new Cell(c, x, w));
            x += w;
        }
        return new TableLayout(List.copyOf(cells));
    }

    /** The column under cell {@code x}, if any (for clicks on the header). */
    public java.util.Optional<Column> columnAt(int x) {
        for (Cell c : cells) {
            if (x >= c.x() && x <= c.x() + c.width()) {
                return java.util.Optional.of(c.column());
            }
        }
        return java.util.Optional.empty();
    }
}
