package dev.berth.history.store;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.history.event.Event;
import dev.berth.history.testing.SyntheticHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzes the store reader with a store that berth itself wrote (two hourly shards, the default encoding: deltas
 * against the previous frame, a key frame every 60; events next to the frames), damaged as a failing disk, a crash
 * or a hand would damage it: bytes flipped, runs overwritten with random or zero bytes, files cut short or grown
 * with garbage, a shard's index and data swapped. What may come out: frames and events that were written (never a
 * made-up one), warnings, or a {@link StoreException} (a store berth cannot read at all, e.g. a header of a newer
 * major version); never another exception, a hang or an exhausted heap. Inputs per run: {@code jqwik.tries.default}.
 */
class StoreReaderFuzzTest {
    private static final Instant T0 = Instant.parse("2026-11-30T18:30:00Z");
    private static final AtomicLong INPUTS = new AtomicLong();
    private static final AtomicLong FRAMES_BACK = new AtomicLong();
    private static final AtomicLong REFUSED = new AtomicLong();

    private static Path pristine;
    private static List<Path> files;
    private static Set<Frame> written;
    private static Set<Event> writtenEvents;

    /** One edit of one file of the store; positions are fractions of the file's length. */
    record Edit(int file, Kind kind, double at, int length, long seed) {
    }

    enum Kind { FLIP, RANDOM_RUN, ZERO_RUN, TRUNCATE, APPEND, SWAP_INDEX_AND_DATA }

    @BeforeContainer
    static void writeStore() throws IOException {
        pristine = Files.createTempDirectory("berth-store-fuzz-");
        SyntheticHost h = new SyntheticHost(6, T0, Duration.ofSeconds(10), 7);
        written = new HashSet<>();
        writtenEvents = new HashSet<>();
        try (StoreWriter w = new StoreWriter(pristine, StoreOptions.DEFAULT)) {
            for (int i = 0; i < 250; i++) {   // 41 minutes: crosses 19:00, so two shards
                Frame f = h.next();
                written.add(f);
                w.append(f);
                if (i % 50 == 7) {
                    Event e = new Event("e" + i, f.at(), Event.Kind.SET, "app-1", Optional.of("/berth/app-1"),
                            OptionalLong.of(0), "cli",
                            List.of(new Event.Change("memory", Optional.of("max"), "256M")), Event.Outcome.OK);
                    writtenEvents.add(e);
                    w.append(e);
                }
            }
        }
        try (Stream<Path> s = Files.list(pristine)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @AfterContainer
    static void cleanUpAndReport() throws IOException {
        delete(pristine);
        System.out.println("store reader fuzz: " + INPUTS.get() + " damaged stores, " + FRAMES_BACK.get()
                + " frames read back, " + REFUSED.get() + " refused whole");
    }

    @Provide
    Arbitrary<List<Edit>> damages() {
        Arbitrary<Edit> edit = Combinators.combine(
                Arbitraries.integers().between(0, files.size() - 1),
                Arbitraries.of(Kind.class),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(1, 64),
                Arbitraries.longs()).as(Edit::new);
        return edit.list().ofMinSize(1).ofMaxSize(4);
    }

    @Property
    void theReaderGivesWrittenFramesWarningsOrAStoreException(@ForAll("damages") List<Edit> edits)
            throws IOException {
        INPUTS.incrementAndGet();
        Path dir = Files.createTempDirectory("berth-store-fuzz-");
        try {
            for (Path f : files) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
            for (Edit e : edits) {
                apply(dir, e);
            }
            List<String> warnings = new ArrayList<>();
            StoreReader r = new StoreReader(dir, warnings::add);
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                try {
                    List<Frame> back = r.frames(Instant.MIN, Instant.MAX);
                    FRAMES_BACK.addAndGet(back.size());
                    for (Frame f : back) {
                        assertTrue(written.contains(f), () -> "a frame that was never written, at " + f.at()
                                + " after " + edits);
                    }
                    for (Event e : r.events(Instant.MIN, Instant.MAX)) {
                        assertTrue(writtenEvents.contains(e), () -> "an event that was never written: " + e);
                    }
                    r.lastFrameTime();
                    r.firstFrameTime();
                    r.hostFrames(T0.plusSeconds(600), Instant.MAX, f -> { });
                } catch (StoreException refused) {
                    REFUSED.incrementAndGet();
                }
            }, () -> "the read did not end after " + edits);
        } finally {
            delete(dir);
        }
    }

    private static void apply(Path dir, Edit e) throws IOException {
        Path file = dir.resolve(files.get(e.file()).getFileName());
        byte[] b = Files.readAllBytes(file);
        Random random = new Random(e.seed());
        int at = (int) Math.min(b.length, Math.floor(e.at() * b.length));
        switch (e.kind()) {
            case FLIP -> {
                if (b.length > 0) {
                    b[Math.min(at, b.length - 1)] ^= (byte) (1 + random.nextInt(255));
                }
            }
            case RANDOM_RUN, ZERO_RUN -> {
                for (int i = at; i < Math.min(b.length, at + e.length()); i++) {
                    b[i] = e.kind() == Kind.ZERO_RUN ? 0 : (byte) random.nextInt(256);
                }
            }
            case TRUNCATE -> b = Arrays.copyOf(b, at);
            case APPEND -> {
                byte[] more = new byte[e.length()];
                random.nextBytes(more);
                b = Arrays.copyOf(b, b.length + more.length);
                System.arraycopy(more, 0, b, b.length - more.length, more.length);
            }
            case SWAP_INDEX_AND_DATA -> {
                Path other = partner(file);
                if (other != null && Files.exists(other)) {
                    byte[] o = Files.readAllBytes(other);
                    Files.write(other, b);
                    b = o;
                }
            }
            default -> throw new IllegalStateException(e.kind().name());
        }
        Files.write(file, b);
    }

    /** The index of a data file or the data of an index file (same shard), null for another file. */
    private static Path partner(Path file) {
        String name = file.getFileName().toString();
        for (Shards.Shard s : listShards(file.getParent())) {
            if (s.index().getFileName().toString().equals(name)) {
                return s.data();
            }
            if (s.data().getFileName().toString().equals(name)) {
                return s.index();
            }
        }
        return null;
    }

    private static List<Shards.Shard> listShards(Path dir) {
        try {
            return Shards.list(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
