package dev.berth.tui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.collectors.testing.FakeHost;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/berth shell} on a real terminal (a tmux pane): Tab completes a subcommand and then a
 * container name from a fixture host, Ctrl-C drops the line, a command runs against the global
 * roots given to {@code shell}, {@code exit} leaves with status 0, and history lands in
 * {@code $XDG_STATE_HOME/berth/history}.
 */
@Tag("privileged")
class ShellTmuxIT {
    @TempDir
    Path tmp;

    @Test
    void completesInterruptsRunsAndKeepsHistory() throws Exception {
        Assumptions.assumeTrue(Tmux.available(), "tmux is not installed");
        Path repo = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
        Assumptions.assumeTrue(Files.isRegularFile(repo.resolve("tui/target/berth.jar")),
                "tui/target/berth.jar is not built (run through failsafe after package)");
        String id = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        FakeHost host = FakeHost.hybrid(tmp.resolve("host")).dockerName(id, "webapp");
        host.container("/docker/" + id).pids.add(4242L);
        host.write();
        Path state = tmp.resolve("state");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cmd = "env XDG_STATE_HOME='" + state + "' JAVA='" + java + "' '" + repo.resolve("bin/berth")
                + "' --procfs '" + host.procfs() + "' --sysfs '" + host.sysfs() + "' shell; echo \"shell-exit=$?\"";
        try (Tmux tmux = Tmux.start("berth-test-shell-" + ProcessHandle.current().pid(), 100, 30,
                "env PS1='berth-sh$ ' sh")) {
            tmux.await(5, s -> s.contains("berth-sh$"), "the local shell prompt");
            tmux.type(cmd);
            tmux.keys("Enter");
            tmux.await(30, s -> s.contains("berth>"), "the berth shell prompt");

            tmux.type("fre");
            tmux.keys("Tab");
            tmux.await(5, s -> s.contains("berth> freeze"), "the subcommand completed");
            tmux.keys("Tab");
            tmux.await(5, s -> s.contains("berth> freeze webapp"), "the container name completed");
            // At typing speed: a Ctrl-C within a few milliseconds of the completion being drawn can
            // reach jline before its redisplay is done and be lost (seen with tmux send-keys).
            Thread.sleep(300);
            tmux.keys("C-c");
            tmux.await(5, s -> s.stripTrailing().endsWith("berth> freeze webapp\nberth>"), "a fresh prompt after Ctrl-C");
            tmux.type("ps --all");
            tmux.keys("Enter");
            String screen = tmux.await(20, s -> s.lines().anyMatch(l -> l.startsWith("webapp ")),
                    "ps listing the fixture's container");
            assertFalse(screen.contains("berth freeze"), "the interrupted line did not run:\n" + screen);

            tmux.type("exit");
            tmux.keys("Enter");
            screen = tmux.await(10, s -> s.contains("shell-exit=0"), "the shell to exit 0");
        }
        String history = Files.readString(state.resolve("berth/history"));
        assertTrue(history.contains("ps --all"), history);
        assertFalse(history.contains("freeze webapp"), "an interrupted line is not history: " + history);
    }
}
