package dev.berth.collectors;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.collectors.proc.BlockDevices;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kernel files that are not kernel files: a FIFO and a huge file in a --procfs tree give a warning, never a hang. */
class HostSamplerFilesTest {
    @Test
    void aFifoAndAHugeFileAreReportedByNameAndTheRestIsRead(@TempDir Path dir) throws Exception {
        Path proc = Files.createDirectories(dir.resolve("proc"));
        Process mk = new ProcessBuilder("mkfifo", proc.resolve("stat").toString(), proc.resolve("diskstats")
                .toString()).start();
        assumeTrue(mk.waitFor() == 0, "mkfifo is not available");
        try (RandomAccessFile raf = new RandomAccessFile(proc.resolve("meminfo").toFile(), "rw")) {
            raf.setLength(300L << 20);
        }
        Files.writeString(proc.resolve("loadavg"), "0.52 0.40 0.33 2/345 6789\n");
        Path sys = Files.createDirectories(dir.resolve("sys"));
        HostSampler sampler = new HostSampler(proc, new BlockDevices(sys), new ProcessSampler(proc, 100, 4096),
                InstantSource.fixed(Instant.EPOCH));
        List<String> warnings = new ArrayList<>();
        // In another thread, so that a regression (an open that blocks on the FIFO) fails instead of hanging.
        HostSample s = CompletableFuture.supplyAsync(() -> sampler.sample(false, warnings::add))
                .get(30, TimeUnit.SECONDS);
        sampler.close();
        assertTrue(s.load().isPresent());
        assertFalse(s.stat().isPresent());
        assertFalse(s.memory().isPresent());
        assertTrue(warnings.contains("cannot read " + proc.resolve("stat")
                + ": not a regular file (a FIFO, socket or device), not a kernel statistics file"), warnings.toString());
        assertTrue(warnings.contains("cannot read " + proc.resolve("diskstats")
                + ": not a regular file (a FIFO, socket or device), not a kernel statistics file"), warnings.toString());
        assertTrue(warnings.contains("cannot read " + proc.resolve("meminfo")
                + ": larger than 1048576 bytes, not a kernel statistics file"), warnings.toString());
    }
}
