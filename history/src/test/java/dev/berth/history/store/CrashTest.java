package dev.berth.history.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.history.testing.SyntheticHost;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer killed with SIGKILL at random moments never leaves a store the reader cannot read, and loses at most
 * the frame it was writing; and a second writer on a held store is refused, naming the holder's pid.
 */
class CrashTest {
    private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");
    private static final int KILLS = 50;

    @TempDir
    Path dir;

    private Process start(Instant first, long seed) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                KillTarget.class.getName(), dir.toString(), first.toString(), Long.toString(seed))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    @Test
    void sigkillAtRandomMomentsNeverLeavesAnUnreadableStore() throws Exception {
        Random rnd = new Random(42);
        for (int run = 0; run < KILLS; run++) {
            // Each run writes its own 10 minutes (frames 10 s apart; a run writes far fewer than 60), six runs to
            // an hour's shard, so most runs reopen a shard a killed writer left.
            Instant first = T0.plus(Duration.ofSeconds(600L * run));
            Process p = start(first, run);
            long acked = 0;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                assertEquals("locked", out.readLine(), "run " + run);
                String firstWrite = out.readLine();
                assertTrue(firstWrite != null && firstWrite.startsWith("wrote "), "run " + run + ": " + firstWrite);
                Thread.sleep(rnd.nextInt(250));
                // SIGKILL from outside: Process.destroyForcibly would also close our end of its stdout, losing the
                // acknowledgements still in the pipe.
                assertEquals(0, new ProcessBuilder("kill", "-KILL", Long.toString(p.pid())).start().waitFor());
                assertTrue(p.waitFor(30, TimeUnit.SECONDS));
                for (String line = firstWrite; line != null; line = out.readLine()) {
                    acked = Long.parseLong(line.substring("wrote ".length()));
                }
            }
            List<String> warnings = new ArrayList<>();
            List<Frame> back = new StoreReader(dir, warnings::add).frames(first, first.plusSeconds(600));
            SyntheticHost h = new SyntheticHost(50, first, Duration.ofSeconds(10), run);
            List<Frame> expected = new ArrayList<>();
            for (int i = 0; i < back.size(); i++) {
                expected.add(h.next());
            }
            // Everything acknowledged is there; at most the frame being written when killed is extra (its index
            // entry made it) and nothing else.
            assertTrue(acked < 60, "run " + run + " wrote past its 10 minutes");
            assertTrue(back.size() >= acked && back.size() <= acked + 1,
                    "run " + run + ": acknowledged " + acked + ", read " + back.size());
            assertEquals(expected, back, "run " + run);
            assertEquals(List.of(), warnings, "run " + run);
        }
    }

    @Test
    void aSecondWriterIsRefusedNamingTheHoldersPid() throws Exception {
        Process p = start(T0, 1);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertEquals("locked", out.readLine());
            StoreLock.HeldException e = assertThrows(StoreLock.HeldException.class, () -> StoreLock.acquire(dir));
            assertEquals(p.pid(), e.pid().getAsLong());
            assertEquals(dir + ": already recorded into by another berth record (pid " + p.pid() + ")",
                    e.getMessage());
        } finally {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        // The kernel released the dead holder's lock: a new writer gets it.
        StoreLock.acquire(dir).close();
    }
}
