package dev.berth.tui.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.tui.style.Glyphs;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockGraphTest {
    @Test
    void sparklineScalesToTheCeilingNewestRight() {
        List<String> g = BlockGraph.render(new double[] {0, 50, 100}, 5, 1, 100, Glyphs.unicodeSet());
        assertEquals(List.of("   \u2584\u2588"), g);
    }

    @Test
    void tallGraphFillsBottomRowsFirst() {
        List<String> g = BlockGraph.render(new double[] {100, 50, 25, Double.NaN}, 4, 2, 100, Glyphs.asciiSet());
        assertEquals(List.of("@   ", "@@= "), g);
    }

    @Test
    void tinyValuesStayVisibleAndAutoScaleUsesTheMax() {
        List<String> g = BlockGraph.render(new double[] {1, 1000}, 2, 1, 0, Glyphs.asciiSet());
        assertEquals(List.of(".@"), g);
    }

    @Test
    void barMeterRendersFixedWidth() {
        var term = new com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal(
                new com.googlecode.lanterna.TerminalSize(30, 1));
        var tg = term.newTextGraphics();
        BarRenderer.draw(tg, 0, 0, 20, new BarMeter("CPU", List.of(new BarMeter.Segment(0.5,
                dev.berth.tui.style.Role.BAR_LOW)), "50.0%"), dev.berth.tui.style.Theme.color(), Glyphs.asciiSet());
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(term.getCharacter(i, 0).getCharacter());
        }
        assertEquals("CPU[||||||||  50.0%]", sb.toString());
    }
}
