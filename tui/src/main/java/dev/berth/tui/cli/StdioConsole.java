package dev.berth.tui.cli;

import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import dev.berth.tui.ConsoleApp;
import dev.berth.tui.terminal.InputWait;
import dev.berth.tui.terminal.NioPollInputWait;
import dev.berth.tui.terminal.PollInputWait;
import dev.berth.tui.terminal.WinsizeTerminal;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.function.Function;

/**
 * The terminal set-up the live console and replay share, so that both start and idle the same way: lanterna on
 * this process's stdin and a buffered stdout, its size taken from {@code TIOCGWINSZ} ({@link WinsizeTerminal}: the
 * first frame never waits for a reply to a terminal query), Ctrl-C trapped, and the input thread idle in
 * {@code poll(2)} ({@link NioPollInputWait}, else {@link PollInputWait}) rather than waking to look.
 */
final class StdioConsole {
    private StdioConsole() {
    }

    /**
     * Opens the terminal, builds the app on it with {@code app}, and runs it until the user quits.
     *
     * @param charset UTF-8, or US-ASCII when the locale is not UTF-8
     * @param app     the console or replay app over the terminal
     * @throws IOException when the terminal cannot be used
     */
    static void run(Charset charset, Function<UnixTerminal, ConsoleApp> app) throws IOException {
        // System.out is a PrintStream that flushes on every write: lanterna then makes ~50 write(2)s per
        // frame, and sshd sends each as its own packet. Buffered, lanterna's flush at the end of each refresh
        // makes one write per frame: bench/ssh-bytes measured 1080 -> 440 SSH bytes per refresh at 80x24.
        OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        UnixTerminal terminal = new WinsizeTerminal(System.in, out, charset, UnixLikeTerminal.CtrlCBehaviour.TRAP);
        ConsoleApp a = app.apply(terminal);
        // System.in is file descriptor 0: poll(2) through the JDK's NIO binding, else through jnr-ffi; without
        // either, the input thread sleeps between looks
        a.waitingForInputWith(() -> NioPollInputWait.stdin().or(() -> PollInputWait.on(0))
                .orElse(InputWait.SLEEP));
        a.run();
    }
}
