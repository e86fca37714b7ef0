package dev.berth.tui.screen;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import dev.berth.tui.keys.KeyBindings;
import dev.berth.tui.style.Painter;
import dev.berth.tui.style.Role;
import java.util.List;
import java.util.Optional;

/**
 * Draws one whole frame from a {@link ConsoleState} into a lanterna back buffer. Every cell of the
 * frame is written each time; lanterna's {@code Screen.refresh(DELTA)} then sends only the cells
 * that differ from what the terminal shows, which is what keeps a refresh small over SSH.
 */
public final class ScreenRenderer {
    private final KeyBindings keys;

    /** A renderer whose help and footer list {@code keys}. */
    public ScreenRenderer(KeyBindings keys) {
        this.keys = keys;
    }

    /**
     * Draws the frame for a terminal of {@code size}.
     *
     * @return where the text cursor should be shown (an open form), or empty to hide it
     */
    public Optional<TerminalPosition> render(TextGraphics g, TerminalSize size, ConsoleState s) {
        int w = size.getColumns();
        int h = size.getRows();
        Painter p = new Painter(g, s.theme);
        if (MainLayout.tooSmall(w, h)) {
            tooSmall(p, w, h);
            return Optional.empty();
        }
        List<TableRow> rows = s.rows();
        if (s.view == ConsoleState.View.DETAIL) {
            DetailRenderer.draw(p, w, h, s);
        } else {
            Optional<Timeline> timeline = s.replay == null ? Optional.empty() : s.replay.timeline();
            // In replay the timeline takes the row above the status line: the layout is that of a terminal one
            // row shorter, whose status and footer rows are not drawn.
            int layoutHeight = timeline.isPresent() ? h - 1 : h;
            MainLayout l = MainLayout.compute(w, layoutHeight, s.panels, s.snapshot().map(x -> x.host()));
            HeaderRenderer.title(p, w, s);
            HeaderRenderer.meters(p, l, s);
            for (MainLayout.PanelSlot slot : l.panels()) {
                PanelRenderer.draw(p, l, slot, s);
            }
            TableRenderer.draw(p, l, s, rows);
            timeline.ifPresent(t -> p.line(0, h - 3, w, TimelineRenderer.spans(t, w, s.glyphs), Role.NORMAL));
        }
        int total = s.snapshot == null ? 0 : s.snapshot.containers().size();
        int shown = (int) rows.stream().filter(r -> r.container().isPresent()).count();
        FooterRenderer.status(p, w, h - 2, s, shown, total);
        FooterRenderer.footer(p, w, h - 1, s, keys);
        if (s.overlay != null) {
            return OverlayRenderer.draw(p, w, h, s, keys);
        }
        return Optional.empty();
    }

    private static void tooSmall(Painter p, int w, int h) {
        for (int y = 0; y < h; y++) {
            p.blank(0, y, w, Role.NORMAL);
        }
        String[] msg = {"terminal too small", w + "x" + h + ", need " + MainLayout.MIN_WIDTH + "x"
            + MainLayout.MIN_HEIGHT, "q quits"};
        for (int i = 0; i < msg.length && i < h; i++) {
            String m = msg[i].length() > w ? msg[i].substring(0, w) : msg[i];
            p.put(Math.max(0, (w - m.length()) / 2), Math.max(0, h / 2 - 1) + i >= h ? i : Math.max(0, h / 2 - 1) + i,
                    m, i == 0 ? Role.STATUS_ERROR : Role.NORMAL);
        }
    }
}
