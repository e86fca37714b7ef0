package dev.berth.tui.terminal;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;

/**
 * lanterna's {@link UnixTerminal} that takes the terminal size from the kernel ({@code TIOCGWINSZ}, as
 * {@code stty size} reads it) instead of asking the terminal.
 *
 * <p>Why: lanterna's {@code ANSITerminal.findTerminalSize()} moves the cursor to 5000,5000, asks the terminal to
 * report the cursor position and waits up to 5 s for the answer, twice at start (the screen's constructor, then
 * {@code startScreen()}). A terminal that does not answer (a serial console, a logging pty, {@code script} to a
 * file, the peers harness) made the first frame wait 10 s. The kernel knows the size of every pty and tty: the
 * terminal emulator or sshd set it with {@code TIOCSWINSZ}. A tty whose size was never set reports 0x0; then
 * 80x24 is used, as {@code stty} users expect of such a line.
 */
public final class WinsizeTerminal extends UnixTerminal implements FrameGate.Gated {
    /** What a line without a size is taken to be. */
    static final TerminalSize UNSET = new TerminalSize(80, 24);

    /**
     * @param in      the terminal's input
     * @param out     the terminal's output
     * @param charset its character set
     * @param ctrlC   what Ctrl-C does
     * @throws IOException if the terminal cannot be set up
     */
    public WinsizeTerminal(InputStream in, OutputStream out, Charset charset, CtrlCBehaviour ctrlC)
            throws IOException {
        super(in, out, charset, ctrlC);
    }

    private final FrameGate frames = new FrameGate();

    @Override
    public FrameGate frames() {
        return frames;
    }

    /**
     * Leaves the alternate screen after the frame being drawn, and lets no frame follow: lanterna's own shutdown hook
     * calls this on its thread on SIGINT/SIGTERM, while the UI thread may be in the middle of a frame.
     */
    @Override
    public void exitPrivateMode() throws IOException {
        frames.close(super::exitPrivateMode);
    }

    /** The size last read; forgotten on SIGWINCH. lanterna asks for it twice at start. */
    private volatile TerminalSize known;

    @Override
    protected TerminalSize findTerminalSize() throws IOException {
        TerminalSize k = known;
        if (k == null) {
            k = parseSttySize(runSTTYCommand("size"));
            known = k;
        }
        return k;
    }

    @Override
    protected void registerTerminalResizeListener(Runnable onResize) throws IOException {
        super.registerTerminalResizeListener(() -> {
            known = null;
            onResize.run();
        });
    }

    /**
     * @param sttySize the output of {@code stty size}: {@code "ROWS COLS"}
     * @return the size, or 80x24 when the line has none (0 0) or the output is not two numbers
     */
    static TerminalSize parseSttySize(String sttySize) {
        String[] f = sttySize.strip().split("\\s+");
        if (f.length == 2) {
            try {
                int rows = Integer.parseInt(f[0]);
                int cols = Integer.parseInt(f[1]);
                if (rows > 0 && cols > 0) {
                    return new TerminalSize(cols, rows);
                }
            } catch (NumberFormatException e) {
                // fall through to the default
            }
        }
        return UNSET;
    }
}
