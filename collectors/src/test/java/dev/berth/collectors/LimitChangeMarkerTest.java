package dev.berth.collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.CgroupFsProber;
import dev.berth.collectors.discovery.RuntimeNames;
import dev.berth.collectors.testing.FakeClock;
import dev.berth.collectors.testing.FakeContainer;
import dev.berth.collectors.testing.FakeHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A limit changed by another berth process shows at the next tick of a running collector: without the marker the
 * collector keeps the limit it read for one slow-cadence period (checked, so that the test cannot pass through a
 * collector that reads limits every tick), and with it the new limit shows at once.
 */
class LimitChangeMarkerTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(FakeHost.Layout.class)
    void aLimitChangedElsewhereShowsAtTheNextTick(FakeHost.Layout layout) throws Exception {
        FakeHost host = FakeHost.of(layout, dir.resolve("host"));
        FakeContainer api = host.container("/berth/api").pids(109);
        api.memoryLimit = 400L << 20;
        host.write();
        FakeClock clock = new FakeClock(Instant.parse("2026-01-01T00:00:00Z"));
        CgroupFs fs = CgroupFs.open(new CgroupFsProber(host.procfs(), host.sysfs()).probe());
        Path stateDir = dir.resolve("state");
        try (Collector collector = new Collector(fs, host.procfs(), host.sysfs(), new RuntimeNames(host.root()),
                clock, 100, 4096)) {
            collector.watchLimitChanges(LimitChangeMarker.in(stateDir));
            assertEquals(400L << 20, memoryLimit(collector.tick(TickOptions.CONTAINERS)));

            api.memoryLimit = 200L << 20; // what another process's `berth set --memory 200m` writes
            api.write();
            clock.advance(Duration.ofSeconds(1));
            assertEquals(400L << 20, memoryLimit(collector.tick(TickOptions.CONTAINERS)),
                    "within the slow cadence, the limit read before is shown");

            LimitChangeMarker.in(stateDir).signal("/berth/api"); // the other process, after writing
            clock.advance(Duration.ofSeconds(1));
            assertEquals(200L << 20, memoryLimit(collector.tick(TickOptions.CONTAINERS)));
        }
    }

    @Test
    void eachSignalMovesTheMarkerOnceAndAnAbsentMarkerHasNotMoved() throws Exception {
        Path stateDir = dir.resolve("state");
        LimitChangeMarker reader = LimitChangeMarker.in(stateDir);
        assertFalse(reader.changedSinceLastLook(), "first look");
        assertFalse(reader.changedSinceLastLook(), "still absent");
        LimitChangeMarker writer = LimitChangeMarker.in(stateDir);
        writer.signal("/a");
        assertTrue(reader.changedSinceLastLook());
        assertFalse(reader.changedSinceLastLook(), "seen");
        // two signals back to back, with the same content and within one tick of the file system's clock
        writer.signal("/a");
        assertTrue(reader.changedSinceLastLook());
        writer.signal("/a");
        assertTrue(reader.changedSinceLastLook());
        assertEquals("/a\n", Files.readString(writer.file()));
        try (var s = Files.list(stateDir)) {
            assertEquals(1, s.count(), "no temporary file left");
        }
    }

    private static long memoryLimit(Snapshot s) {
        return s.containers().stream().filter(c -> c.identity().cgroup().equals("/berth/api")).findFirst()
                .orElseThrow().memory().limit().orElseThrow().value().getAsLong();
    }
}
