package dev.berth.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console over a real SSH session: Debian's sshd on 127.0.0.1 (keys and config made here),
 * the OpenSSH client in a 100x30 tmux pane, and {@code bin/berth} with no arguments on the far
 * side of {@code ssh -tt}. The console must draw its screen through the remote pty, quit on
 * {@code q} with ssh exiting 0, and leave the pane on the normal screen with the cursor on.
 *
 * <p>An integration test (failsafe, after {@code package}), because it runs the packaged
 * {@code bin/berth}, as an operator would.
 */
@Tag("privileged")
class SshConsoleIT {
    /** What the pane prints after ssh returns (the typed command line has "$?" there instead). */
    private static final Pattern EXIT = Pattern.compile("ssh-exit=\\d+");

    @TempDir
    Path tmp;

    @Test
    void consoleDrawsAndQuitsCleanlyOverSsh() throws Exception {
        Assumptions.assumeTrue(Files.readAllLines(Path.of("/proc/self/status")).stream()
                .anyMatch(l -> l.matches("Uid:\\s+0\\s.*")), "needs root to run sshd");
        Assumptions.assumeTrue(SshServer.available(), "openssh-server / openssh-client are not installed");
        Assumptions.assumeTrue(Tmux.available(), "tmux is not installed");
        Path repo = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
        Path launcher = repo.resolve("bin/berth");
        Assumptions.assumeTrue(Files.isRegularFile(repo.resolve("tui/target/berth.jar")),
                "tui/target/berth.jar is not built (run through failsafe after package)");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String remote = "env TERM=xterm-256color LANG=C.UTF-8 JAVA='" + java + "' '" + launcher
                + "' --interval 1 --state-dir '" + tmp.resolve("state") + "'";
        try (SshServer sshd = SshServer.start(Files.createDirectories(tmp.resolve("ssh")));
                Tmux tmux = Tmux.start("berth-test-ssh-" + ProcessHandle.current().pid(), 100, 30,
                        "env PS1='berth-ssh$ ' sh")) {
            tmux.await(5, s -> s.contains("berth-ssh$"), "the local shell prompt");
            String ssh = sshd.ssh(remote).stream().map(a -> "'" + a.replace("'", "'\\''") + "'")
                    .collect(Collectors.joining(" "));
            tmux.type(ssh + "; echo \"ssh-exit=$?\"");
            tmux.keys("Enter");
            String screen;
            try {
                screen = tmux.await(40, s -> s.contains("?Help") && s.contains(" berth "), "the console over ssh");
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\nsshd log:\n" + sshd.log(), e);
            }
            assertEquals("1", tmux.display("#{alternate_on}"), "the console uses the alternate screen");
            assertTrue(screen.lines().anyMatch(l -> l.contains("NAME")), "the container table header:\n" + screen);
            // A second frame arrives at the 1 s interval: the uptime/clock in the header moves on.
            String first = screen;
            tmux.await(5, s -> !s.equals(first), "a refresh");

            tmux.keys("q");
            screen = tmux.await(15, s -> EXIT.matcher(s).find(), "ssh to exit after q");
            assertTrue(screen.contains("ssh-exit=0"), "ssh (and the console) exit 0:\n" + screen);
            tmux.await(5, s -> s.stripTrailing().endsWith("berth-ssh$"), "the prompt after ssh");
            assertEquals("0", tmux.display("#{alternate_on}"), "back on the normal screen");
            assertEquals("1", tmux.display("#{cursor_flag}"), "cursor visible again");
            assertFalse(tmux.capture().contains("?Help"), "no console remnants on the normal screen");
        }
    }
}
