package dev.berth.tui.terminal;

import java.io.IOException;

/**
 * Keeps frames and the giving back of the terminal apart: a frame is drawn whole or not at all, and none is drawn
 * once the terminal has been given back.
 *
 * <p>Why: two shutdown hooks give the terminal back on SIGINT/SIGTERM, the console's and lanterna's own (registered by
 * its {@code UnixLikeTerminal}, which leaves the alternate screen without the screen's lock). Without the gate, a frame
 * the UI thread had begun went on after either of them: its end hid the cursor again ({@code ESC[?25l}) and its cells
 * landed on the shell's screen (CI, ConsoleTmuxIT: "cursor visible after SIGINT" was 0).
 */
public final class FrameGate {
    /** Terminal output that may fail. */
    @FunctionalInterface
    public interface Output {
        /** Writes to the terminal. */
        void write() throws IOException;
    }

    private final Object lock = new Object();
    private boolean open = true;

    /**
     * Draws {@code frame} unless the terminal has been given back; a {@link #close} from another thread waits for it.
     *
     * @return whether the frame was drawn
     */
    public boolean draw(Output frame) throws IOException {
        synchronized (lock) {
            if (!open) {
                return false;
            }
            frame.write();
            return true;
        }
    }

    /**
     * Gives the terminal back with {@code leave}, after the frame being drawn (if any), and shuts the gate for good.
     * Reentrant: {@code leave} may close the gate again (the console's restore leaves private mode through the
     * terminal, which closes it too).
     */
    public void close(Output leave) throws IOException {
        synchronized (lock) {
            open = false;
            leave.write();
        }
    }

    /** A terminal that closes a gate when it leaves private mode (lanterna's hook leaves it on its own thread). */
    public interface Gated {
        /** The gate this terminal closes when it leaves private mode. */
        FrameGate frames();
    }
}
