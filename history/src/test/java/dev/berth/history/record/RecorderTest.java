package dev.berth.history.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.CgroupFsProber;
import dev.berth.collectors.Collector;
import dev.berth.collectors.discovery.RuntimeNames;
import dev.berth.collectors.testing.FakeClock;
import dev.berth.collectors.testing.FakeHost;
import dev.berth.history.event.Event;
import dev.berth.history.event.EventJournal;
import dev.berth.history.store.Frame;
import dev.berth.history.store.Retention;
import dev.berth.history.store.StoreOptions;
import dev.berth.history.store.StoreReader;
import dev.berth.history.store.StoreWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recorder's tick on a fake host: raw samples stored, appearances as events, the journal moved in. */
class RecorderTest {
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    @TempDir
    Path tmp;

    /** A collector over the fake host's files. */
    private static Collector collector(FakeHost host, FakeClock clock) throws Exception {
        CgroupFs fs = CgroupFs.open(new CgroupFsProber(host.procfs(), host.sysfs()).probe());
        return new Collector(fs, host.procfs(), host.sysfs(), new RuntimeNames(host.root()), clock, 100, 4096);
    }

    @Test
    void storesRawSamplesAppearancesAndJournalledActions() throws Exception {
        FakeHost host = FakeHost.v2(tmp.resolve("host"));
        host.container("/berth/web").pids(101);
        host.write();
        FakeClock clock = new FakeClock(T0);
        Collector collector = collector(host, clock);
        Path store = tmp.resolve("store");
        List<String> log = new ArrayList<>();
        try (StoreWriter writer = new StoreWriter(store, StoreOptions.DEFAULT)) {
            Recorder r = new Recorder(collector, writer, StoreOptions.DEFAULT, new EventJournal(store),
                    new Retention(Duration.ofDays(14), Long.MAX_VALUE),
                    () -> Optional.of(new Frame.RecorderCost(1000, 2 << 20)), ZoneOffset.ofHours(1), log::add);
            r.tick();
            host.container("/berth/db").pids(102);
            host.write();
            new EventJournal(store).append(new Event("e1", T0.plusSeconds(5), Event.Kind.FREEZE, "web",
                    Optional.of("/berth/web"), OptionalLong.of(0), "cli", List.of(), Event.Outcome.OK));
            clock.advance(Duration.ofSeconds(10));
            r.tick();
            assertEquals(2, r.frames());
        }
        StoreReader reader = new StoreReader(store, log::add);
        List<Frame> frames = reader.frames(Instant.MIN, Instant.MAX);
        assertEquals(2, frames.size());
        assertEquals(ZoneOffset.ofHours(1), frames.get(0).offset());
        // Every cgroup, as ps --all lists them: the parent /berth too.
        assertEquals(List.of("/berth", "/berth/web"), frames.get(0).containers().stream()
                .map(c -> c.identity().cgroup()).toList());
        assertEquals(List.of("/berth", "/berth/db", "/berth/web"), frames.get(1).containers().stream()
                .map(c -> c.identity().cgroup()).toList());
        assertEquals(Optional.of(new Frame.RecorderCost(1000, 2 << 20)), frames.get(1).recorder());
        assertTrue(frames.get(1).containers().get(2).cpu().usageUsec().isPresent(), "raw counters are stored");
        List<Event> events = reader.events(Instant.MIN, Instant.MAX);
        assertEquals(List.of(Event.Kind.FREEZE, Event.Kind.APPEARED), events.stream().map(Event::kind).toList());
        assertEquals("db", events.get(1).container());
        assertEquals(List.of(), new EventJournal(store).read(log::add), "the journal was moved into the store");
        assertEquals(List.of(), log);
    }

    /** Retention runs on the first tick, when a shard starts and every RETENTION_PERIOD, not with every sample. */
    @Test
    void appliesRetentionEveryPeriodAndOnANewShardNotEverySample() throws Exception {
        FakeHost host = FakeHost.v2(tmp.resolve("host"));
        host.container("/berth/web").pids(101);
        host.write();
        FakeClock clock = new FakeClock(T0);
        Collector collector = collector(host, clock);
        Path store = tmp.resolve("store");
        List<String> log = new ArrayList<>();
        try (StoreWriter writer = new StoreWriter(store, StoreOptions.DEFAULT)) {
            Recorder r = new Recorder(collector, writer, StoreOptions.DEFAULT, new EventJournal(store),
                    new Retention(Duration.ofDays(1), Long.MAX_VALUE), Optional::empty, ZoneOffset.UTC, log::add);
            r.tick();
            Path oldData = Files.writeString(store.resolve("20261127T1000Z.data"), "x");
            Path oldIndex = Files.writeString(store.resolve("20261127T1000Z.index"), "x");
            clock.advance(Duration.ofSeconds(10));
            r.tick();
            assertTrue(Files.exists(oldIndex), "not yet: retention ran " + Recorder.RETENTION_PERIOD + " ago at most");
            clock.advance(Recorder.RETENTION_PERIOD.minusSeconds(10));
            r.tick();
            assertFalse(Files.exists(oldData) || Files.exists(oldIndex), "expired shard deleted");
            assertEquals(List.of("retention: deleted 20261127T1000Z.data and 20261127T1000Z.index"), log);

            clock.advance(Duration.ofSeconds(58 * 60 + 30));   // 10:59:30: retention due, nothing to delete
            r.tick();
            Files.writeString(oldData, "x");
            Files.writeString(oldIndex, "x");
            clock.advance(Duration.ofSeconds(30));   // 11:00:00: not due, but the writer starts the 11:00 shard
            r.tick();
            assertFalse(Files.exists(oldIndex), "deleted when the new shard started");
        }
    }
}
