package dev.berth.tui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Drives one detached tmux session: send keys, capture the pane, wait for text. For end-to-end tests. */
final class Tmux implements AutoCloseable {
    final String session;

    private Tmux(String session) {
        this.session = session;
    }

    static boolean available() {
        try {
            return run("tmux", "-V").startsWith("tmux");
        } catch (IOException e) {
            return false;
        }
    }

    /** A new session of {@code cols}x{@code rows} running {@code command} (through sh). */
    static Tmux start(String session, int cols, int rows, String command) throws IOException {
        run("tmux", "new-session", "-d", "-s", session, "-x", String.valueOf(cols), "-y", String.valueOf(rows),
                command);
        return new Tmux(session);
    }

    /** Sends tmux key names ({@code Enter}, {@code Tab}, {@code C-u}) or literal text with {@code -l}. */
    void keys(String... keys) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "send-keys", "-t", session));
        cmd.addAll(List.of(keys));
        run(cmd.toArray(String[]::new));
    }

    /** Types {@code text} literally. */
    void type(String text) throws IOException {
        run("tmux", "send-keys", "-t", session, "-l", text);
    }

    /** The visible pane text. */
    String capture() throws IOException {
        return run("tmux", "capture-pane", "-p", "-t", session);
    }

    /** A tmux format value of the pane, e.g. {@code #{alternate_on}}. */
    String display(String format) throws IOException {
        return run("tmux", "display-message", "-p", "-t", session, format).strip();
    }

    /** Waits up to {@code seconds} for the pane to satisfy {@code test}; returns the last capture. */
    String await(double seconds, Predicate<String> test, String what) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        String last = "";
        while (System.nanoTime() < deadline) {
            last = capture();
            if (test.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out after " + seconds + " s waiting for " + what + "; the pane shows:\n"
                + last);
    }

    @Override
    public void close() throws IOException {
        run("tmux", "kill-session", "-t", session);
    }

    /**
     * The tmux server of this test JVM (tmux -L): the sessions of a test never meet another user's or another
     * suite's on the shared default socket, where a {@code tmux kill-server} or a server started under another
     * environment would end or change them ("no server running on /tmp/tmux-0/default" mid-test).
     */
    static final String SOCKET = "berth-test-" + ProcessHandle.current().pid();

    static String run(String... cmd) throws IOException {
        if (cmd.length > 0 && cmd[0].equals("tmux")) {
            List<String> c = new ArrayList<>(List.of("tmux", "-L", SOCKET));
            c.addAll(List.of(cmd).subList(1, cmd.length));
            cmd = c.toArray(String[]::new);
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted running " + String.join(" ", cmd), e);
        }
    }
}
