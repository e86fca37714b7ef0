package dev.berth.tui.screen;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.berth.tui.keys.KeyBindings;
import dev.berth.tui.keys.Result;
import dev.berth.tui.style.Glyphs;
import dev.berth.tui.style.Theme;
import dev.berth.tui.view.Snapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/**
 * The console without threads: state, controller and renderer on a lanterna virtual terminal.
 * Every {@link #press} renders a frame, so tests assert on what the terminal shows.
 */
final class Harness {
    final DefaultVirtualTerminal terminal;
    final TerminalScreen screen;
    final ConsoleState state;
    final ConsoleController controller;
    final ScreenRenderer renderer;
    final FakeActions actions;
    Instant now = Fixtures.AT;

    Harness(int cols, int rows) {
        this(cols, rows, Theme.color(), Glyphs.unicodeSet(), new FakeActions());
    }

    Harness(int cols, int rows, Theme theme, Glyphs glyphs, FakeActions actions) {
        try {
            terminal = new DefaultVirtualTerminal(new TerminalSize(cols, rows));
            screen = new TerminalScreen(terminal);
            screen.startScreen();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.actions = actions;
        state = new ConsoleState(theme, glyphs, actions.unavailableReason());
        InstantSource clock = () -> now;
        controller = new ConsoleController(state, KeyBindings.defaults(), actions, Effects.inline(), clock);
        renderer = new ScreenRenderer(KeyBindings.defaults());
    }

    Harness feed(Snapshot s) {
        controller.onSnapshot(s);
        return render();
    }

    Harness render() {
        try {
            boolean resized = screen.doResizeIfNecessary() != null;
            renderer.render(screen.newTextGraphics(), screen.getTerminalSize(), state);
            screen.refresh(resized ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Result press(KeyStroke k) {
        Result r = controller.handle(k);
        render();
        return r;
    }

    Result press(char c) {
        return press(new KeyStroke(c, false, false));
    }

    Result press(KeyType t) {
        return press(new KeyStroke(t));
    }

    void type(String s) {
        for (char c : s.toCharArray()) {
            press(c);
        }
    }

    void resize(int cols, int rows) {
        terminal.setTerminalSize(new TerminalSize(cols, rows));
        render();
    }

    String line(int row) {
        TerminalSize sz = terminal.getTerminalSize();
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < sz.getColumns(); c++) {
            sb.append(terminal.getCharacter(c, row).getCharacterString());
        }
        return sb.toString();
    }

    TextCharacter cell(int col, int row) {
        return terminal.getCharacter(col, row);
    }

    String text() {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < terminal.getTerminalSize().getRows(); r++) {
            sb.append(line(r)).append('\n');
        }
        return sb.toString();
    }

    /** The first row containing {@code s}, or -1. */
    int rowOf(String s) {
        for (int r = 0; r < terminal.getTerminalSize().getRows(); r++) {
            if (line(r).contains(s)) {
                return r;
            }
        }
        return -1;
    }

    /** The row of the table header (the line starting with NAME), or -1. */
    int headerRow() {
        for (int r = 0; r < terminal.getTerminalSize().getRows(); r++) {
            if (line(r).startsWith("NAME")) {
                return r;
            }
        }
        return -1;
    }

    Optional<String> selected() {
        return state.selectedKey();
    }
}
