package dev.berth.history.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.history.event.Event;
import dev.berth.history.testing.SyntheticHost;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreWriterTest {
    private static final Instant T0 = Instant.parse("2026-11-30T18:50:00Z");
    private static final StoreOptions SMALL = new StoreOptions(Duration.ofHours(1), 20, StoreOptions.Reference.KEY_FRAME, 3, false);

    @TempDir
    Path dir;

    private List<Frame> write(int n, int containers) throws IOException {
        return write(SMALL, n, containers, 1);
    }

    /** {@code n} frames of {@code containers} synthetic containers (seed {@code seed}) written with {@code o}. */
    private List<Frame> write(StoreOptions o, int n, int containers, long seed) throws IOException {
        SyntheticHost h = new SyntheticHost(containers, T0, Duration.ofSeconds(10), seed);
        List<Frame> frames = new ArrayList<>();
        try (StoreWriter w = new StoreWriter(dir, o)) {
            for (int i = 0; i < n; i++) {
                Frame f = h.next();
                frames.add(f);
                w.append(f);
            }
        }
        return frames;
    }

    @Test
    void framesRoundTripExactlyAcrossShardsAndKeyFrames() throws IOException {
        List<Frame> frames = write(150, 12);   // 25 minutes: crosses 19:00, 7 chunks
        List<String> warnings = new ArrayList<>();
        List<Frame> back = new StoreReader(dir, warnings::add).frames(Instant.MIN, Instant.MAX);
        assertEquals(frames, back);
        assertEquals(List.of(), warnings);
        assertEquals(2, Shards.list(dir).size());
    }

    @Test
    void readingSomeContainersGivesExactlyThoseOfTheFullRead() throws IOException {
        SyntheticHost h = new SyntheticHost(20, T0, Duration.ofSeconds(10), 5);
        List<Frame> frames = new ArrayList<>();
        try (StoreWriter w = new StoreWriter(dir, StoreOptions.DEFAULT)) {
            for (int i = 0; i < 90; i++) {
                Frame f = h.next();
                if (i >= 50) {
                    // app-3 is renamed web: from frame 50 on it is wanted, its reference was skipped.
                    f = rename(f, "app-3", "web");
                }
                frames.add(f);
                w.append(f);
            }
        }
        List<Frame> got = new ArrayList<>();
        int[] asked = new int[1];
        new StoreReader(dir, w -> { }).frames(Instant.MIN, Instant.MAX, id -> {
            asked[0]++;
            return id.name().equals("app-7") || id.name().equals("web");
        }, got::add);
        assertEquals(90, got.size());
        // An unchanged container is judged with its reference: the predicate is asked about each container of the
        // key frames and the renamed one, and about those handed out (all 20 per frame after frame 50's chain was
        // decoded in full, up to the next key frame); 351 times here, where asking per container per frame made
        // it 1,932.
        assertTrue(asked[0] < 90 * 20 / 2, "predicate asked " + asked[0] + " times");
        for (int i = 0; i < 90; i++) {
            Frame f = frames.get(i);
            List<dev.berth.collectors.ContainerSample> want = f.containers().stream()
                    .filter(c -> c.identity().name().equals("app-7") || c.identity().name().equals("web")).toList();
            assertEquals(new Frame(f.at(), f.offset(), f.host(), want, f.recorder()), got.get(i), "frame " + i);
        }
    }

    @Test
    void hostFramesAreTheFullFramesWithoutTheirContainers() throws IOException {
        List<Frame> frames = write(150, 12);   // across a shard boundary and several key frames
        List<Frame> got = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        new StoreReader(dir, warnings::add).hostFrames(T0.plusSeconds(95), Instant.MAX, got::add);
        assertEquals(frames.stream().filter(f -> !f.at().isBefore(T0.plusSeconds(95)))
                .map(f -> new Frame(f.at(), f.offset(), f.host(), List.of(), f.recorder())).toList(), got);
        assertEquals(List.of(), warnings);
    }

    private static Frame rename(Frame f, String from, String to) {
        List<dev.berth.collectors.ContainerSample> cs = new ArrayList<>();
        for (var c : f.containers()) {
            var id = c.identity();
            cs.add(!id.name().equals(from) ? c : new dev.berth.collectors.ContainerSample(c.at(),
                    new dev.berth.collectors.ContainerIdentity(id.id(), to, id.runtime(), id.cgroup(), id.pod(),
                            id.pids(), id.netns()), c.state(), c.cpu(), c.memory(), c.io(), c.net(), c.pids(),
                    c.cpuPressure(), c.memoryPressure(), c.ioPressure()));
        }
        return new Frame(f.at(), f.offset(), f.host(), cs, f.recorder());
    }

    @Test
    void periodIsHalfOpen() throws IOException {
        List<Frame> frames = write(30, 3);
        List<Frame> back = new StoreReader(dir, w -> { }).frames(frames.get(5).at(), frames.get(10).at());
        assertEquals(frames.subList(5, 10), back);
    }

    @Test
    void oneFlippedByteInTheMiddleSkipsThatRecordOnly() throws IOException {
        List<Frame> frames = write(61, 10);   // one shard would hold 60; take the first
        Shards.Shard s = Shards.list(dir).get(0);
        byte[] idx = Files.readAllBytes(s.index());
        int entries = (idx.length - ShardHeader.SIZE) / IndexEntry.SIZE;
        // The middle entry's record: a delta frame (key frames are every 20th, the middle is the 30th).
        IndexEntry mid = IndexEntry.decode(idx, ShardHeader.SIZE + entries / 2 * IndexEntry.SIZE).orElseThrow();
        flip(s.data(), mid.offset() + mid.length() / 2);
        List<String> warnings = new ArrayList<>();
        List<Frame> back = new StoreReader(dir, warnings::add).frames(Instant.MIN, Instant.MAX);
        List<Frame> expected = new ArrayList<>(frames);
        expected.remove(entries / 2);
        assertEquals(expected, back);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("fails its CRC"), warnings.get(0));
    }

    @Test
    void withDeltaAgainstThePreviousFrameAFlippedByteCostsTheRestOfItsChunkOnly() throws IOException {
        StoreOptions prev = new StoreOptions(Duration.ofHours(1), 20, StoreOptions.Reference.PREVIOUS, 3, false);
        List<Frame> frames = write(prev, 60, 10, 1);
        Shards.Shard s = Shards.list(dir).get(0);
        byte[] idx = Files.readAllBytes(s.index());
        IndexEntry mid = IndexEntry.decode(idx, ShardHeader.SIZE + 30 * IndexEntry.SIZE).orElseThrow();
        flip(s.data(), mid.offset() + mid.length() / 2);
        List<String> warnings = new ArrayList<>();
        List<Frame> back = new StoreReader(dir, warnings::add).frames(Instant.MIN, Instant.MAX);
        List<Frame> expected = new ArrayList<>(frames.subList(0, 30));
        expected.addAll(frames.subList(40, 60));   // frame 40 is the next key frame
        assertEquals(expected, back);
        assertTrue(warnings.get(0).contains("fails its CRC"), warnings.toString());
        assertEquals(s.data() + ": 9 more frames skipped: encoded against a skipped one", warnings.get(1));
        assertEquals(2, warnings.size(), warnings.toString());
    }

    @Test
    void chunksDecodedSideBySideHandOverFramesAndWarningsInFileOrder() throws IOException {
        // Two shards (18:50-19:00 and 19:00-19:25) of 10-frame chunks, a damaged record in the 2nd chunk of the
        // first and in the 4th chunk of the second: the chunks are decoded on several threads, and the frames and
        // warnings still come as a sequential read gives them.
        StoreOptions prev = new StoreOptions(Duration.ofHours(1), 10, StoreOptions.Reference.PREVIOUS, 3, false);
        List<Frame> frames = write(prev, 210, 8, 2);
        List<Shards.Shard> shards = Shards.list(dir);
        assertEquals(2, shards.size());
        int firstShard = 60;    // 18:50:00 to 18:59:50
        IndexEntry a = entry(shards.get(0), 13);
        IndexEntry b = entry(shards.get(1), 35);
        flip(shards.get(0).data(), a.offset() + a.length() / 2);
        flip(shards.get(1).data(), b.offset() + b.length() / 2);
        List<String> warnings = new ArrayList<>();
        List<Frame> back = new ArrayList<>();
        new StoreReader(dir, warnings::add).frames(Instant.MIN, Instant.MAX, back::add);
        List<Frame> expected = new ArrayList<>(frames);
        expected.subList(firstShard + 35, firstShard + 40).clear();   // to the next key frame, at 40
        expected.subList(13, 20).clear();
        assertEquals(expected, back);
        assertEquals(4, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith(shards.get(0).data() + ": record at offset " + a.offset()), warnings.get(0));
        assertEquals(shards.get(0).data() + ": 6 more frames skipped: encoded against a skipped one", warnings.get(1));
        assertTrue(warnings.get(2).startsWith(shards.get(1).data() + ": record at offset " + b.offset()), warnings.get(2));
        assertEquals(shards.get(1).data() + ": 4 more frames skipped: encoded against a skipped one", warnings.get(3));
    }

    @Test
    void aFailingConsumerEndsTheReadWithItsException() throws IOException {
        write(150, 6);
        int[] seen = {0};
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new StoreReader(dir, w -> { }).frames(Instant.MIN, Instant.MAX, f -> {
                    if (++seen[0] == 45) {
                        throw new IllegalStateException("consumer gave up");
                    }
                }));
        assertEquals("consumer gave up", e.getMessage());
        assertEquals(45, seen[0]);
    }

    private static IndexEntry entry(Shards.Shard s, int i) throws IOException {
        byte[] idx = Files.readAllBytes(s.index());
        return IndexEntry.decode(idx, ShardHeader.SIZE + i * IndexEntry.SIZE).orElseThrow();
    }

    @Test
    void aPeriodStartingInsideAChunkDecodesFromItsKeyFrame() throws IOException {
        List<Frame> frames = write(StoreOptions.DEFAULT, 100, 5, 3);
        assertEquals(frames.subList(77, 90),
                new StoreReader(dir, w -> { }).frames(frames.get(77).at(), frames.get(90).at()));
    }

    @Test
    void aFlippedByteInAnIndexEntrySkipsThatEntryOnly() throws IOException {
        List<Frame> frames = write(40, 4);
        Shards.Shard s = Shards.list(dir).get(0);
        flip(s.index(), ShardHeader.SIZE + 7L * IndexEntry.SIZE + 3);
        List<String> warnings = new ArrayList<>();
        List<Frame> back = new StoreReader(dir, warnings::add).frames(Instant.MIN, Instant.MAX);
        List<Frame> expected = new ArrayList<>(frames);
        expected.remove(7);
        assertEquals(expected, back);
        assertEquals(1, warnings.size());
    }

    @Test
    void aForgedLengthIsSkippedWithAWarning() throws IOException {
        List<Frame> frames = write(10, 2);
        Shards.Shard s = Shards.list(dir).get(0);
        byte[] idx = Files.readAllBytes(s.index());
        int pos = ShardHeader.SIZE + 4 * IndexEntry.SIZE;
        IndexEntry e = IndexEntry.decode(idx, pos).orElseThrow();
        // A forged entry with a valid entry CRC but a length past the end of the data file.
        byte[] forged = new IndexEntry(e.timeMicros(), e.offset(), 1 << 30, e.kind(), e.dataCrc()).encode();
        try (RandomAccessFile f = new RandomAccessFile(s.index().toFile(), "rw")) {
            f.seek(pos);
            f.write(forged);
        }
        List<String> warnings = new ArrayList<>();
        List<Frame> back = new StoreReader(dir, warnings::add).frames(Instant.MIN, Instant.MAX);
        assertEquals(9, back.size());
        assertEquals(frames.get(5), back.get(4));
        assertTrue(warnings.get(0).contains("points outside the data file"), warnings.toString());
    }

    @Test
    void aTornIndexTailIsIgnoredByReadersAndCutByTheNextWriter() throws IOException {
        List<Frame> frames = write(5, 2);
        Shards.Shard s = Shards.list(dir).get(0);
        try (RandomAccessFile f = new RandomAccessFile(s.index().toFile(), "rw")) {
            f.seek(f.length());
            f.write(new byte[] {1, 2, 3, 4, 5, 6, 7});
        }
        assertEquals(frames, new StoreReader(dir, w -> { }).frames(Instant.MIN, Instant.MAX));
        SyntheticHost h = new SyntheticHost(2, T0.plusSeconds(50), Duration.ofSeconds(10), 9);
        Frame more = h.next();
        try (StoreWriter w = new StoreWriter(dir, SMALL)) {
            w.append(more);
        }
        List<Frame> expected = new ArrayList<>(frames);
        expected.add(more);
        assertEquals(expected, new StoreReader(dir, w -> { }).frames(Instant.MIN, Instant.MAX));
    }

    @Test
    void aNewerMajorVersionIsRefusedWithAClearMessage() throws IOException {
        write(3, 1);
        Shards.Shard s = Shards.list(dir).get(0);
        setHeader(s.index(), ShardHeader.INDEX_MAGIC, ShardHeader.MAJOR + 1, 0, s.start());
        StoreException e = assertThrows(StoreException.class,
                () -> new StoreReader(dir, w -> { }).frames(Instant.MIN, Instant.MAX));
        assertEquals(s.index() + ": written by a newer berth (history format 3.0; this berth reads 2.x): "
                + "upgrade berth to read it", e.getMessage());
        assertThrows(StoreException.class, () -> new StoreReader(dir, w -> { }).events(Instant.MIN, Instant.MAX));
        assertThrows(StoreException.class, () -> {
            try (StoreWriter w = new StoreWriter(dir, SMALL)) {
                w.append(new SyntheticHost(1, T0, Duration.ofSeconds(10), 1).next());
            }
        });
    }

    @Test
    void theFormatIs2Point0SincePsiChangedLayout() throws IOException {
        write(1, 1);
        Shards.Shard s = Shards.list(dir).get(0);
        for (Path p : List.of(s.data(), s.index())) {
            byte[] b = Files.readAllBytes(p);
            assertEquals(2, ((b[8] & 0xFF) << 8) | (b[9] & 0xFF), p + " major");
            assertEquals(0, ((b[10] & 0xFF) << 8) | (b[11] & 0xFF), p + " minor");
        }
    }

    @Test
    void aShardOfAnOlderMajorVersionIsSkippedWithAWarningAndTheRestRead() throws IOException {
        // 150 frames from 18:50: two shards; the first is made a 1.0 shard (the PSI layout 2.0 replaced).
        List<Frame> frames = write(150, 3);
        Shards.Shard old = Shards.list(dir).get(0);
        setHeader(old.data(), ShardHeader.DATA_MAGIC, 1, 0, old.start());
        setHeader(old.index(), ShardHeader.INDEX_MAGIC, 1, 0, old.start());
        List<String> warnings = new ArrayList<>();
        List<Frame> back = new StoreReader(dir, warnings::add).frames(Instant.MIN, Instant.MAX);
        Instant hour = Instant.parse("2026-11-30T19:00:00Z");
        assertEquals(frames.stream().filter(f -> !f.at().isBefore(hour)).toList(), back);
        assertEquals(List.of(old.index() + ": written by an older berth (history format 1.0; this berth reads 2.x "
                + "only, the samples' PSI layout changed in 2.0): read it with the berth that wrote it; shard skipped"),
                warnings);
    }

    @Test
    void aWriterUpgradedMidHourLeavesTheOlderShardAloneAndStartsOneAtTheMinute() throws IOException {
        List<Frame> first = write(3, 2);   // 18:50:00 to 18:50:20
        Shards.Shard old = Shards.list(dir).get(0);
        setHeader(old.data(), ShardHeader.DATA_MAGIC, 1, 0, old.start());
        setHeader(old.index(), ShardHeader.INDEX_MAGIC, 1, 0, old.start());
        byte[] oldData = Files.readAllBytes(old.data());
        SyntheticHost h = new SyntheticHost(2, T0.plusSeconds(95), Duration.ofSeconds(10), 4);
        List<Frame> later = new ArrayList<>();
        try (StoreWriter w = new StoreWriter(dir, SMALL)) {
            for (int i = 0; i < 60; i++) {   // 18:51:35 to 19:01:25: on into the next hour's shard
                Frame f = h.next();
                later.add(f);
                w.append(f);
            }
        }
        assertEquals(List.of(old.start(), Instant.parse("2026-11-30T18:51:00Z"), Instant.parse("2026-11-30T19:00:00Z")),
                Shards.list(dir).stream().map(Shards.Shard::start).toList());
        assertTrue(java.util.Arrays.equals(oldData, Files.readAllBytes(old.data())), "the 1.0 shard is untouched");
        List<String> warnings = new ArrayList<>();
        assertEquals(later, new StoreReader(dir, warnings::add).frames(Instant.MIN, Instant.MAX));
        assertEquals(1, warnings.size());
        assertEquals(3, first.size());
    }

    @Test
    void aWriterUpgradedInTheFirstMinuteOfAnOlderShardWaitsForTheNextMinute() throws IOException {
        Instant hour = Instant.parse("2026-11-30T19:00:00Z");
        try (StoreWriter w = new StoreWriter(dir, SMALL)) {
            w.append(new SyntheticHost(1, hour, Duration.ofSeconds(10), 1).next());
        }
        Shards.Shard old = Shards.list(dir).get(0);
        setHeader(old.data(), ShardHeader.DATA_MAGIC, 1, 0, old.start());
        StoreException e = assertThrows(StoreException.class, () -> {
            try (StoreWriter w = new StoreWriter(dir, SMALL)) {
                w.append(new SyntheticHost(1, hour.plusSeconds(30), Duration.ofSeconds(10), 1).next());
            }
        });
        assertEquals(old.data() + ": in an older history format, which this berth does not append to; writing "
                + "resumes in a new shard from the next minute", e.getMessage());
        assertEquals(1, Shards.list(dir).size());
    }

    private static void setHeader(Path file, String magic, int major, int minor, Instant start) throws IOException {
        byte[] b = Files.readAllBytes(file);
        byte[] h = new ShardHeader(magic, major, minor, start).encode();
        System.arraycopy(h, 0, b, 0, h.length);
        Files.write(file, b);
    }

    @Test
    void eventsRoundTripNextToFrames() throws IOException {
        Event e = new Event("e1", T0.plusSeconds(15), Event.Kind.SET, "web", Optional.of("/berth/web"),
                OptionalLong.of(0), "cli", List.of(new Event.Change("memory", Optional.of("max"), "256M")),
                Event.Outcome.OK);
        SyntheticHost h = new SyntheticHost(2, T0, Duration.ofSeconds(10), 1);
        try (StoreWriter w = new StoreWriter(dir, SMALL)) {
            w.append(h.next());
            w.append(e);
            w.append(h.next());
        }
        StoreReader r = new StoreReader(dir, w -> { });
        assertEquals(List.of(e), r.events(Instant.MIN, Instant.MAX));
        assertEquals(2, r.frames(Instant.MIN, Instant.MAX).size());
    }

    private static void flip(Path file, long pos) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(pos);
            int b = f.read();
            f.seek(pos);
            f.write(b ^ 0x10);
        }
    }
}
