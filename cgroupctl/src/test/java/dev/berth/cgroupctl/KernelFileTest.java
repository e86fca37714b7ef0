package dev.berth.cgroupctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelFileTest {
    @Test
    void rereadsAKeptOpenFileFromTheStart(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("memory.current");
        Files.writeString(p, "4096\n");
        try (KernelFile f = new KernelFile(p, KernelFile.DEFAULT_CAP, true)) {
            assertEquals("4096\n", f.readString());
            assertTrue(f.isOpen());
            Files.writeString(p, "123456789\n");   // same inode, as kernfs regenerates the same file
            assertEquals("123456789\n", f.readString());
        }
    }

    @Test
    void growsItsBufferForALargerFileAndReadsItWhole(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("memory.stat");
        String content = "total_inactive_file 1\n".repeat(500);
        Files.writeString(p, content);
        try (KernelFile f = new KernelFile(p, KernelFile.DEFAULT_CAP, true)) {
            assertEquals(content, f.readString());
            assertEquals(content.length(), f.length());
        }
    }

    @Test
    void rereadsWholeWhenTheFileGrowsPastOrShrinksBelowItsBuffer(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("io.stat");
        try (KernelFile f = new KernelFile(p, KernelFile.DEFAULT_CAP, true)) {
            // Each content is read twice: the first read of a size may grow the buffer, the second is a re-read
            // through the file's direct buffer of the new size.
            for (int lines : new int[] {1, 40, 40, 3, 3, 200, 0, 200}) {
                String content = "8:0 rbytes=1 wbytes=2 rios=3 wios=4\n".repeat(lines);
                Files.writeString(p, content);
                assertEquals(content, f.readString());
                assertEquals(content, f.readString());
                assertEquals(content.length(), f.length());
            }
        }
    }

    @Test
    void refusesAFileLargerThanTheCapNamingIt(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("meminfo");
        try (RandomAccessFile raf = new RandomAccessFile(p.toFile(), "rw")) {
            raf.setLength(300L << 20);   // sparse: 300 MB that cost no disk
        }
        FileSystemException e = assertThrows(FileSystemException.class,
                () -> new KernelFile(p, KernelFile.DEFAULT_CAP, false).read());
        assertEquals(p.toString(), e.getFile());
        assertTrue(e.getReason().startsWith("larger than 1048576 bytes"), e.getReason());
    }

    @Test
    void refusesAFifoWithoutBlocking(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("stat");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mk.waitFor() == 0, "mkfifo is not available");
        // Run in a thread so that a regression (an open(2) that blocks) fails the test instead of hanging it.
        Throwable[] thrown = new Throwable[1];
        Thread t = new Thread(() -> {
            try {
                new KernelFile(fifo, KernelFile.DEFAULT_CAP, false).read();
            } catch (Throwable e) {
                thrown[0] = e;
            }
        });
        t.setDaemon(true);
        t.start();
        t.join(Duration.ofSeconds(30).toMillis());
        assertFalse(t.isAlive(), "the read of a FIFO blocked");
        FileSystemException e = (FileSystemException) thrown[0];
        assertEquals(fifo.toString(), e.getFile());
        assertTrue(e.getReason().startsWith("not a regular file (a FIFO"), e.getReason());
    }

    @Test
    void aFileRemovedWhileOpenIsReopenedByPathAndItsAbsenceReported(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("pids.current");
        Files.writeString(p, "1\n");
        KernelFile f = new KernelFile(p, KernelFile.DEFAULT_CAP, true);
        assertEquals("1\n", f.readString());
        f.close();
        Files.delete(p);
        assertThrows(NoSuchFileException.class, f::read);
        Files.writeString(p, "2\n");
        assertEquals("2\n", f.readString());
        f.close();
    }
}
