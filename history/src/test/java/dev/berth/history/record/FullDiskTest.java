package dev.berth.history.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.CgroupFsProber;
import dev.berth.collectors.Collector;
import dev.berth.collectors.discovery.RuntimeNames;
import dev.berth.collectors.testing.FakeClock;
import dev.berth.collectors.testing.FakeHost;
import dev.berth.history.event.EventJournal;
import dev.berth.history.store.Frame;
import dev.berth.history.store.Retention;
import dev.berth.history.store.StoreOptions;
import dev.berth.history.store.StoreReader;
import dev.berth.history.store.StoreWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk fills while the recorder runs: it says so once, keeps sampling, writes again when space returns, and
 * the store stays readable throughout. The store is on a 256 KiB tmpfs the test mounts (and unmounts) below its
 * own temporary directory; needs root.
 */
@Tag("privileged")
class FullDiskTest {
    @TempDir
    Path tmp;

    @Test
    void aFullDiskIsLoggedOnceAndWritingResumesWhenSpaceReturns() throws Exception {
        Assumptions.assumeTrue(Files.readAllLines(Path.of("/proc/self/status")).stream()
                .anyMatch(l -> l.matches("Uid:\\s+0\\s.*")), "needs root to mount a tmpfs");
        FakeHost host = FakeHost.v2(tmp.resolve("host"));
        for (int i = 0; i < 40; i++) {
            host.container("/berth/c" + i).pids(100 + i);
        }
        host.write();
        FakeClock clock = new FakeClock(Instant.parse("2026-11-30T10:00:00Z"));
        CgroupFs fs = CgroupFs.open(new CgroupFsProber(host.procfs(), host.sysfs()).probe());
        Collector collector = new Collector(fs, host.procfs(), host.sysfs(), new RuntimeNames(host.root()), clock,
                100, 4096);
        Path disk = Files.createDirectories(tmp.resolve("disk"));
        mount("mount", "-t", "tmpfs", "-o", "size=256k", "berth-test-full", disk.toString());
        try {
            Path store = disk.resolve("store");
            Path filler = disk.resolve("filler");
            List<String> log = new ArrayList<>();
            int failedAt = -1;
            try (StoreWriter writer = new StoreWriter(store, StoreOptions.DEFAULT)) {
                Recorder r = new Recorder(collector, writer, StoreOptions.DEFAULT, new EventJournal(store),
                        new Retention(Duration.ofDays(14), Long.MAX_VALUE),
                        () -> Optional.of(new Frame.RecorderCost(1, 1)), ZoneOffset.UTC, log::add);
                r.tick();
                // Fill the rest of the filesystem.
                try {
                    Files.write(filler, new byte[512 * 1024]);
                } catch (IOException full) {
                    // the filler got what space there was
                }
                // A tmpfs page that still has room takes a few small records: tick until well past it.
                for (int i = 0; i < 60; i++) {
                    clock.advance(Duration.ofSeconds(10));
                    r.tick();
                }
                failedAt = (int) r.frames();
                assertTrue(failedAt < 61, "some writes failed on the full disk (" + failedAt + " stored)");
                assertEquals(1, log.stream().filter(l -> l.startsWith("cannot write to ")).count(), log.toString());
                assertTrue(log.get(0).contains("sampling goes on"), log.get(0));
                // The store is readable while full.
                assertEquals(failedAt, new StoreReader(store, w -> { }).frames(Instant.MIN, Instant.MAX).size());
                Files.delete(filler);
                for (int i = 0; i < 3; i++) {
                    clock.advance(Duration.ofSeconds(10));
                    r.tick();
                }
                assertEquals(failedAt + 3, r.frames());
                assertTrue(log.get(log.size() - 1).startsWith("writing to " + store + " again"), log.toString());
            }
            List<String> warnings = new ArrayList<>();
            assertEquals(failedAt + 3, new StoreReader(store, warnings::add).frames(Instant.MIN, Instant.MAX).size());
            assertEquals(List.of(), warnings);
        } finally {
            mount("umount", disk.toString());
        }
    }

    private static void mount(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
    }
}
