package dev.berth.tui.style;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import java.util.EnumSet;

/**
 * A lanterna cell that knows its width: lanterna's own cell computes it from the Unicode tables at every call, and
 * lanterna calls it for every cell it stores and every cell it compares at a refresh. Cells of this class equal
 * each other by content, as lanterna's do. Made once per character and role by {@link Painter}.
 */
final class Cell extends TextCharacter {
    private final boolean doubleWidth;

    Cell(char c, TextColor fg, TextColor bg, EnumSet<SGR> sgr) {
        super(c, fg, bg, sgr);
        this.doubleWidth = super.isDoubleWidth();
    }

    @Override
    public boolean isDoubleWidth() {
        return doubleWidth;
    }
}
