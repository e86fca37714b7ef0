package dev.berth.collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.CgroupFsProber;
import dev.berth.cgroupctl.CgroupGoneException;
import dev.berth.cgroupctl.CgroupReadException;
import dev.berth.cgroupctl.CpuWeight;
import dev.berth.cgroupctl.Limit;
import dev.berth.cgroupctl.MalformedCgroupFileException;
import dev.berth.collectors.discovery.RuntimeNames;
import dev.berth.collectors.testing.FakeClock;
import dev.berth.collectors.testing.FakeContainer;
import dev.berth.collectors.testing.FakeHost;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@link ContainerSample.Spec} values (read on the slow cadence with the limits) on v1 and v2 fixture trees, and
 * the read-error tally by kind.
 */
class ContainerSpecTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant CREATED = Instant.parse("2025-12-31T23:00:00Z");
    private static final TickOptions ALL = new TickOptions(true, false, Set.of());

    @TempDir
    Path dir;

    private FakeClock clock;

    private Collector collector(FakeHost host) throws Exception {
        clock = new FakeClock(T0);
        CgroupFs fs = CgroupFs.open(new CgroupFsProber(host.procfs(), host.sysfs()).probe());
        return new Collector(fs, host.procfs(), host.sysfs(), new RuntimeNames(host.root()), clock, 100, 4096);
    }

    private static ContainerSample tick(Collector c, String cgroup) {
        c.tick(ALL);
        return c.lastSamples().orElseThrow().containers().stream()
                .filter(s -> s.identity().cgroup().equals(cgroup)).findFirst().orElseThrow();
    }

    /** Sets the modification time of {@code /berth/api}'s directory in every hierarchy, and of {@code file} in it. */
    private static void touch(FakeHost host, Instant dirTime, String file, Instant fileTime) throws IOException {
        List<Path> roots;
        try (Stream<Path> s = Files.list(host.sysfs().resolve("fs/cgroup"))) {
            roots = host.layout() == FakeHost.Layout.V2 ? List.of(host.cgroupRoot("")) : s.toList();
        }
        for (Path root : roots) {
            Path d = root.resolve("berth/api");
            if (Files.isDirectory(d)) {
                if (file != null && Files.exists(d.resolve(file))) {
                    Files.setLastModifiedTime(d.resolve(file), FileTime.from(fileTime));
                }
                Files.setLastModifiedTime(d, FileTime.from(dirTime));
            }
        }
    }

    @Test
    void v2ReadsWeightHighSwapMaxAndMemoryEventsMax() throws Exception {
        FakeHost host = FakeHost.v2(dir);
        FakeContainer api = host.container("/berth/api").pids(109);
        api.memoryLimit = 512L << 20;
        api.memoryHigh = 256L << 20;
        api.swapLimit = 64L << 20;
        api.limitHits = 7;
        api.cpuWeight = 200;
        host.write();
        // The directory's time moves with every child made below it; cgroup.events keeps the older one.
        touch(host, CREATED.plusSeconds(600), "cgroup.events", CREATED);
        ContainerSample.Spec spec = tick(collector(host), "/berth/api").spec();
        assertEquals(new ContainerSample.Spec(Optional.of(new CpuWeight(200)), Optional.of(Limit.of(256L << 20)),
                Optional.of(Limit.of(64L << 20)), Optional.empty(), OptionalLong.of(7), Optional.of(CREATED)), spec);
    }

    @Test
    void v1ReadsRawSharesMemswFailcntAndTheOldestDirectoryOfEveryHierarchy() throws Exception {
        FakeHost host = FakeHost.v1(dir);
        FakeContainer api = host.container("/berth/api").pids(109);
        api.memoryLimit = 512L << 20;
        api.swapLimit = 64L << 20;
        api.limitHits = 3;
        api.cpuShares = 512;
        host.write();
        touch(host, CREATED.plusSeconds(600), null, null);
        Files.setLastModifiedTime(host.cgroupRoot("memory").resolve("berth/api"), FileTime.from(CREATED));
        ContainerSample.Spec spec = tick(collector(host), "/berth/api").spec();
        // v1 has no memory.high: cgroupctl reports it unlimited, never a number.
        assertEquals(new ContainerSample.Spec(Optional.of(new CpuWeight(50, OptionalLong.of(512))),
                Optional.of(Limit.UNLIMITED), Optional.of(Limit.of(64L << 20)), Optional.of(Limit.of(576L << 20)),
                OptionalLong.of(3), Optional.of(CREATED)), spec);
    }

    /**
     * Spec values come on the slow cadence, not every tick: the OOM kill count and v2's limit hits (memory.events)
     * within the events period, the limits within the limits period.
     */
    @Test
    void specValuesAreReadOnTheSlowCadenceNotEveryTick() throws Exception {
        FakeHost host = FakeHost.v2(dir);
        FakeContainer api = host.container("/berth/api").pids(109);
        api.memoryHigh = 256L << 20;
        host.write();
        Collector c = collector(host);
        tick(c, "/berth/api");
        api.memoryHigh = 128L << 20;
        api.limitHits = 9;
        api.oomKills = 2;
        api.write();
        clock.advance(Duration.ofSeconds(1));
        ContainerSample early = tick(c, "/berth/api");
        assertEquals(Optional.of(Limit.of(256L << 20)), early.spec().memoryHighBytes());
        assertEquals(OptionalLong.of(0), early.spec().memoryLimitHits());
        assertEquals(OptionalLong.of(0), early.memory().oomKills());
        clock.advance(ContainerSampler.DEFAULT_EVENTS_PERIOD);
        ContainerSample events = tick(c, "/berth/api");
        assertEquals(OptionalLong.of(2), events.memory().oomKills(), "the OOM kill within the events period");
        assertEquals(OptionalLong.of(9), events.spec().memoryLimitHits());
        assertEquals(Optional.of(Limit.of(256L << 20)), events.spec().memoryHighBytes(), "the limit not yet");
        clock.advance(ContainerSampler.DEFAULT_LIMITS_PERIOD);
        assertEquals(Optional.of(Limit.of(128L << 20)), tick(c, "/berth/api").spec().memoryHighBytes());
    }

    @Test
    void aCgroupWhoseMembersChangeKeepsWhatIsKnownButOneMadeAgainAtTheSamePathIsReadAfresh() throws Exception {
        FakeHost host = FakeHost.v2(dir);
        FakeContainer api = host.container("/berth/api").pids(109);
        api.memoryHigh = 256L << 20;
        host.write();
        touch(host, CREATED.plusSeconds(600), "cgroup.events", CREATED);
        Collector c = collector(host);
        assertEquals(Optional.of(CREATED), tick(c, "/berth/api").spec().createdAt());
        // a busy cgroup: other members, same cgroup; its limits wait for the slow cadence
        api.pids(110, 111);
        api.memoryHigh = 128L << 20;
        api.write();
        touch(host, CREATED.plusSeconds(600), "cgroup.events", CREATED);
        clock.advance(Duration.ofSeconds(1));
        ContainerSample.Spec busy = tick(c, "/berth/api").spec();
        assertEquals(Optional.of(Limit.of(256L << 20)), busy.memoryHighBytes(), "kept, not re-read");
        // restarted at the same path between two ticks: made again (a newer creation time), other members
        Instant again = CREATED.plusSeconds(3600);
        api.pids(120);
        api.write();
        touch(host, again.plusSeconds(600), "cgroup.events", again);
        clock.advance(Duration.ofSeconds(1));
        ContainerSample.Spec restarted = tick(c, "/berth/api").spec();
        assertEquals(Optional.of(again), restarted.createdAt(), "the new cgroup's creation time at once");
        assertEquals(Optional.of(Limit.of(128L << 20)), restarted.memoryHighBytes(), "its limits read at once");
    }

    @Test
    void aMalformedFileIsCountedAsAParseError() throws Exception {
        FakeHost host = FakeHost.v2(dir);
        host.container("/berth/api").pids(109);
        host.write();
        Files.writeString(host.cgroupRoot("").resolve("berth/api/pids.current"), "many\n");
        Collector c = collector(host);
        assertEquals(Map.of(), c.readErrors());
        tick(c, "/berth/api");
        // pids.current once per tick (the slow cadence reads pids.max alone); a read that warned is not carried
        // to the next tick, however idle the cgroup: the next tick reads, and counts, it again.
        assertEquals(Map.of(ReadErrorKind.PARSE, 1L), c.readErrors());
        clock.advance(Duration.ofSeconds(1));
        tick(c, "/berth/api");
        assertEquals(Map.of(ReadErrorKind.PARSE, 2L), c.readErrors());
    }

    @Test
    void errorsAreClassifiedByTypeNotByMessage() {
        Path f = Path.of("/sys/fs/cgroup/x/memory.stat");
        assertEquals(ReadErrorKind.PARSE, ContainerSampler.kind(new MalformedCgroupFileException(f, "x", "bad", null)));
        assertEquals(ReadErrorKind.PERMISSION,
                ContainerSampler.kind(new CgroupReadException(f, new AccessDeniedException(f.toString()))));
        assertEquals(ReadErrorKind.OTHER, ContainerSampler.kind(new CgroupReadException(f, new IOException("EIO"))));
        assertEquals(ReadErrorKind.OTHER, ContainerSampler.kind(new CgroupGoneException(f, null)));
    }
}
