package dev.berth.tui.style;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.TextColor.ANSI;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;

/**
 * Maps each {@link Role} to a style. Two themes: {@link #color()} (16 ANSI colours, readable on
 * dark and light backgrounds) and {@link #monochrome()} (default colours only, emphasis with
 * bold and reverse video) for {@code --no-color} and {@code NO_COLOR}.
 */
public final class Theme {
    /**
     * One style.
     *
     * @param fg foreground colour
     * @param bg background colour
     * @param sgr modifiers (bold, reverse, ...)
     */
    public record Style(TextColor fg, TextColor bg, EnumSet<SGR> sgr) {
        /** Defensive copy of the modifier set. */
        public Style {
            sgr = sgr.isEmpty() ? EnumSet.noneOf(SGR.class) : EnumSet.copyOf(sgr);
        }

        @Override
        public EnumSet<SGR> sgr() {
            return sgr.isEmpty() ? EnumSet.noneOf(SGR.class) : EnumSet.copyOf(sgr);
        }
    }

    private final Map<Role, Style> styles;
    private final boolean color;
    /** Per role, {@link Painter}'s cells of printable ASCII in that role's style, made on first use (UI thread). */
    final Cell[][] asciiCells = new Cell[Role.values().length][];

    private Theme(Map<Role, Style> styles, boolean color) {
        this.styles = styles;
        this.color = color;
    }

    /** The style of {@code role}. */
    public Style style(Role role) {
        return styles.getOrDefault(role, styles.get(Role.NORMAL));
    }

    /** Whether this theme uses colours. */
    public boolean isColor() {
        return color;
    }

    /** The default, coloured theme. */
    public static Theme color() {
        Map<Role, Style> m = new EnumMap<>(Role.class);
        put(m, Role.NORMAL, ANSI.DEFAULT, ANSI.DEFAULT);
        put(m, Role.LABEL, ANSI.CYAN, ANSI.DEFAULT, SGR.BOLD);
        put(m, Role.VALUE, ANSI.DEFAULT, ANSI.DEFAULT, SGR.BOLD);
        put(m, Role.DIM, ANSI.BLACK_BRIGHT, ANSI.DEFAULT);
        put(m, Role.BAR_LOW, ANSI.GREEN, ANSI.DEFAULT);
        put(m, Role.BAR_MID, ANSI.YELLOW, ANSI.DEFAULT);
        put(m, Role.BAR_HIGH, ANSI.RED, ANSI.DEFAULT, SGR.BOLD);
        put(m, Role.BAR_BUFFERS, ANSI.BLUE, ANSI.DEFAULT, SGR.BOLD);
        put(m, Role.BAR_CACHE, ANSI.YELLOW, ANSI.DEFAULT);
        put(m, Role.TABLE_HEADER, ANSI.BLACK, ANSI.GREEN);
        put(m, Role.TABLE_HEADER_SORTED, ANSI.BLACK, ANSI.CYAN, SGR.BOLD);
        put(m, Role.SELECTED, ANSI.BLACK, ANSI.CYAN);
        put(m, Role.STATE_RUNNING, ANSI.GREEN, ANSI.DEFAULT);
        put(m, Role.STATE_FROZEN, ANSI.CYAN, ANSI.DEFAULT, SGR.BOLD);
        put(m, Role.STATE_EXITED, ANSI.RED, ANSI.DEFAULT);
        put(m, Role.STATUS_INFO, ANSI.DEFAULT, ANSI.DEFAULT);
        put(m, Role.STATUS_ERROR, ANSI.WHITE_BRIGHT, ANSI.RED, SGR.BOLD);
        put(m, Role.BANNER, ANSI.BLACK, ANSI.YELLOW, SGR.BOLD);
        put(m, Role.KEY, ANSI.BLACK, ANSI.CYAN);
        put(m, Role.OVERLAY, ANSI.WHITE_BRIGHT, ANSI.BLUE);
        put(m, Role.OVERLAY_TITLE, ANSI.YELLOW_BRIGHT, ANSI.BLUE, SGR.BOLD);
        put(m, Role.INPUT, ANSI.BLACK, ANSI.WHITE);
        put(m, Role.INPUT_FOCUSED, ANSI.BLACK, ANSI.CYAN_BRIGHT);
        put(m, Role.INPUT_ERROR, ANSI.RED_BRIGHT, ANSI.BLUE, SGR.BOLD);
        put(m, Role.GRAPH_CPU, ANSI.GREEN, ANSI.DEFAULT);
        put(m, Role.GRAPH_MEM, ANSI.YELLOW, ANSI.DEFAULT);
        put(m, Role.GRAPH_IO, ANSI.MAGENTA, ANSI.DEFAULT);
        put(m, Role.GRAPH_NET, ANSI.BLUE_BRIGHT, ANSI.DEFAULT);
        return new Theme(m, true);
    }

    /** Default colours only; headers, selection, keys and errors in reverse video, values in bold. */
    public static Theme monochrome() {
        Map<Role, Style> m = new EnumMap<>(Role.class);
        for (Role r : Role.values()) {
            put(m, r, ANSI.DEFAULT, ANSI.DEFAULT);
        }
        put(m, Role.LABEL, ANSI.DEFAULT, ANSI.DEFAULT, SGR.BOLD);
        put(m, Role.VALUE, ANSI.DEFAULT, ANSI.DEFAULT, SGR.BOLD);
        put(m, Role.BAR_HIGH, ANSI.DEFAULT, ANSI.DEFAULT, SGR.BOLD);
        put(m, Role.STATE_FROZEN, ANSI.DEFAULT, ANSI.DEFAULT, SGR.BOLD);
        for (Role r : new Role[] {Role.TABLE_HEADER, Role.SELECTED, Role.STATUS_ERROR, Role.BANNER, Role.KEY,
                Role.INPUT_FOCUSED, Role.OVERLAY_TITLE}) {
            put(m, r, ANSI.DEFAULT, ANSI.DEFAULT, SGR.REVERSE);
        }
        put(m, Role.TABLE_HEADER_SORTED, ANSI.DEFAULT, ANSI.DEFAULT, SGR.REVERSE, SGR.BOLD);
        put(m, Role.INPUT, ANSI.DEFAULT, ANSI.DEFAULT, SGR.UNDERLINE);
        put(m, Role.INPUT_ERROR, ANSI.DEFAULT, ANSI.DEFAULT, SGR.BOLD);
        return new Theme(m, false);
    }

    private static void put(Map<Role, Style> m, Role r, TextColor fg, TextColor bg, SGR... sgr) {
        EnumSet<SGR> set = EnumSet.noneOf(SGR.class);
        for (SGR s : sgr) {
            set.add(s);
        }
        m.put(r, new Style(fg, bg, set));
    }
}
