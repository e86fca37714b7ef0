package dev.berth.tui.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: a foreground {@code run} whose init ignores the signal ({@code sleep}, pid 1 of its
 * namespace) kept berth up for the whole 600 s after SIGHUP. Decided: SIGTERM and SIGHUP are
 * passed on to the container as themselves, and if it is still there {@code ForegroundSignals.GRACE}
 * (10 s) later, its cgroup is killed, as {@code berth stop} would. berth then exits with the
 * container's status (137) and leaves no cgroup.
 */
@Tag("privileged")
class ForegroundSignalsIT {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"HUP", "TERM"})
    void aSignalThatTheInitIgnoresStillEndsTheForegroundRun(String signal) throws Exception {
        Process run = null;
        try (LiveBerth berth = new LiveBerth(tmp, "fgsig")) {
            berth.assumeCanLaunch();
            // with every signal at its default: a suite started under nohup (SIGHUP ignored) would pass that on,
            // and berth, like any program, keeps a SIGHUP ignored that its parent ignored
            run = berth.start(List.of("env", "--default-signal"), "run", "--name", "fg", "--rootfs", berth.rootfs().toString(),
                    "--", "sleep", "600");
            Path state = berth.stateDir.resolve("fg/state.json");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!(Files.exists(state) && Files.readString(state).contains("\"running\"")) && run.isAlive()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the container did not start within 60 s");
                }
                Thread.sleep(50);
            }
            if (!run.isAlive()) {
                throw new AssertionError("berth run ended before the signal: " + Files.readString(berth.lastErr()));
            }
            new ProcessBuilder("kill", "-s", signal, Long.toString(run.pid())).start().waitFor();
            // waits for the event (berth's exit); the bound only keeps a regression from hanging CI
            if (!run.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError("berth run still up 60 s after SIG" + signal + diagnosis(run, berth, state));
            }
            assertEquals(137, run.exitValue(), "the container's status: killed after the grace period");
            assertEquals(List.of(), berth.leftoverCgroups());
        } finally {
            if (run != null) {
                run.destroyForcibly(); // the berth started here, by pid, if an assertion left it running
            }
        }
    }

    /** What berth was doing: its stderr, the container's state and berth's threads (jcmd, bounded). */
    private static String diagnosis(Process run, LiveBerth berth, Path state) {
        StringBuilder b = new StringBuilder();
        try {
            b.append("\nberth's stderr:\n").append(Files.readString(berth.lastErr()));
            b.append("\nstate.json:\n").append(Files.exists(state) ? Files.readString(state) : "(none)");
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(run.pid()), "Thread.print")
                    .redirectErrorStream(true).start();
            byte[] out = dump.getInputStream().readNBytes(200_000);
            if (!dump.waitFor(30, TimeUnit.SECONDS)) {
                dump.destroyForcibly();
            }
            b.append("\nberth's threads:\n").append(new String(out, java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            b.append("\n(diagnosis failed: ").append(e).append(')');
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return b.toString();
    }
}
