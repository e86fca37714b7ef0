package dev.berth.tui.style;

import com.googlecode.lanterna.graphics.TextGraphics;
import dev.berth.collectors.format.Printable;

/** Writes text in a {@link Role}'s style; the one place that turns roles into lanterna colours. */
public final class Painter {
    private final TextGraphics g;
    private final Theme theme;

    /** Paints on {@code g} with {@code theme}. */
    public Painter(TextGraphics g, Theme theme) {
        this.g = g;
        this.theme = theme;
    }

    /**
     * Writes {@code text} at ({@code col}, {@code row}) styled as {@code role}; clipped by the graphics.
     *
     * <p>Printable ASCII, nearly every cell berth draws, goes in as one shared cell per character and role: lanterna's
     * own {@code putString} builds a new cell per character and asks the Unicode tables whether each is double width
     * there, and again per cell at every refresh; that was 3.7 ms of the idle console's 7 ms per second (JFR).
     */
    public void put(int col, int row, String text, Role role) {
        Cell[] cells = theme.asciiCells[role.ordinal()];
        int n = text.length();
        boolean ascii = true;
        for (int i = 0; i < n && ascii; i++) {
            char c = text.charAt(i);
            ascii = c >= ' ' && c < 0x7f;
        }
        if (ascii) {
            if (cells == null) {
                cells = new Cell[0x7f - ' '];
                theme.asciiCells[role.ordinal()] = cells;
            }
            for (int i = 0; i < n; i++) {
                int k = text.charAt(i) - ' ';
                Cell cell = cells[k];
                if (cell == null) {
                    Theme.Style s = theme.style(role);
                    cell = new Cell((char) (k + ' '), s.fg(), s.bg(), s.sgr());
                    cells[k] = cell;
                }
                g.setCharacter(col + i, row, cell);
            }
            return;
        }
        Theme.Style s = theme.style(role);
        g.setForegroundColor(s.fg());
        g.setBackgroundColor(s.bg());
        g.clearModifiers();
        if (!s.sgr().isEmpty()) {
            g.enableModifiers(s.sgr().toArray(new com.googlecode.lanterna.SGR[0]));
        }
        // a container name comes from whoever started the container: never let it reach the terminal raw
        g.putString(col, row, Printable.cell(text));
    }

    /** Fills {@code width} cells from ({@code col}, {@code row}) with spaces in {@code role}'s style. */
    public void blank(int col, int row, int width, Role role) {
        if (width > 0) {
            put(col, row, " ".repeat(width), role);
        }
    }

    /**
     * Writes a styled line from ({@code col}, {@code row}), cut at {@code width} cells and padded with
     * blanks in {@code fill}'s style to exactly {@code width}.
     */
    public void line(int col, int row, int width, java.util.List<Span> spans, Role fill) {
        int x = 0;
        for (Span s : spans) {
            if (x >= width) {
                break;
            }
            String t = s.text();
            if (x + t.length() > width) {
                t = t.substring(0, width - x);
            }
            put(col + x, row, t, s.role());
            x += t.length();
        }
        blank(col + x, row, width - x, fill);
    }

    /** The graphics painted on. */
    public TextGraphics graphics() {
        return g;
    }

    /** The theme used. */
    public Theme theme() {
        return theme;
    }
}
