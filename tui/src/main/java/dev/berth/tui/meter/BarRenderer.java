package dev.berth.tui.meter;

import com.googlecode.lanterna.graphics.TextGraphics;
import dev.berth.tui.style.Glyphs;
import dev.berth.tui.style.Painter;
import dev.berth.tui.style.Role;
import dev.berth.tui.style.Theme;

/**
 * Draws a {@link BarMeter} as {@code LBL[|||||||      text]} in a given width. The text sits at
 * the right end inside the brackets and overwrites the fill, as in htop.
 */
public final class BarRenderer {
    private BarRenderer() {
    }

    /** Draws {@code m} at ({@code col}, {@code row}) in {@code width} cells. */
    public static void draw(TextGraphics g, int col, int row, int width, BarMeter m, Theme theme, Glyphs glyphs) {
        String label = m.label();
        int inner = width - label.length() - 2;
        Painter p = new Painter(g, theme);
        if (inner < 1) {
            p.put(col, row, Units2.cut(label + " " + m.text(), width), Role.LABEL);
            return;
        }
        p.put(col, row, label, Role.LABEL);
        p.put(col + label.length(), row, "[", Role.NORMAL);
        char[] cells = new char[inner];
        Role[] roles = new Role[inner];
        java.util.Arrays.fill(cells, ' ');
        java.util.Arrays.fill(roles, Role.NORMAL);
        int x = 0;
        double acc = 0;
        for (BarMeter.Segment s : m.segments()) {
            acc += s.fraction();
            int end = (int) Math.min(inner, Math.round(acc * inner));
            for (; x < end; x++) {
                cells[x] = glyphs.barFill();
                roles[x] = s.role();
            }
        }
        String text = m.text();
        if (text.length() <= inner) {
            int start = inner - text.length();
            for (int i = 0; i < text.length(); i++) {
                cells[start + i] = text.charAt(i);
                roles[start + i] = Role.VALUE;
            }
        }
        int runStart = 0;
        for (int i = 1; i <= inner; i++) {
            if (i == inner || roles[i] != roles[runStart]) {
                p.put(col + label.length() + 1 + runStart, row, new String(cells, runStart, i - runStart),
                        roles[runStart]);
                runStart = i;
            }
        }
        p.put(col + width - 1, row, "]", Role.NORMAL);
    }

    /** Tiny local helper: cut to width. */
    private static final class Units2 {
        static String cut(String s, int w) {
            return s.length() <= w ? s : s.substring(0, Math.max(0, w));
        }
    }
}
