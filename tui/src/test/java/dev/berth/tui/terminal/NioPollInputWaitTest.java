package dev.berth.tui.terminal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JDK's poll binding, reached as berth.jar's manifest opens it (tui's surefire gives the test JVM the same opening). */
class NioPollInputWaitTest {
    @Test
    void saysInputIsWaitingOnlyWhenItIs(@TempDir Path tmp) throws Exception {
        Path fifo = tmp.resolve("in");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertTrue(mk.waitFor() == 0 && Files.exists(fifo), "mkfifo");
        // read-write open of a FIFO does not wait for a writer on Linux; nothing is written yet
        try (RandomAccessFile f = new RandomAccessFile(fifo.toFile(), "rw")) {
            InputWait w = NioPollInputWait.on(f.getFD()).orElseThrow(
                    () -> new AssertionError("sun.nio.ch.Net.poll not reachable: is --add-opens in argLine?"));
            assertFalse(w.await(Duration.ofMillis(50)), "nothing to read: the wait runs out");
            f.write('q');
            assertTrue(w.await(Duration.ofSeconds(30)), "a byte to read: the wait ends at once");
            assertTrue(w.await(Duration.ofSeconds(30)), "poll takes nothing: the byte is still there");
            assertTrue(f.read() == 'q', "the byte is read after the waits");
            assertFalse(w.await(Duration.ofMillis(50)), "read: nothing waiting again");
        }
    }
}
