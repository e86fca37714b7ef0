package dev.berth.history.store;

import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import dev.berth.history.event.Event;
import dev.berth.history.event.EventCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import dev.berth.collectors.ContainerIdentity;

/**
 * Reads frames and events from a store, also while a {@link StoreWriter} appends to it (see the format there). A
 * damaged or forged entry or record is skipped with one warning line naming the file and offset; only a file
 * written by a newer major version of the format stops the read ({@link StoreException}). Not thread-safe; a read
 * decodes on up to four threads of its own (see {@link #frames(Instant, Instant, Predicate, Consumer)}).
 */
public final class StoreReader {
    /** Above this, a record's length or decoded size is taken as forged. */
    static final int MAX_RECORD = 64 << 20;

    private final Path dir;
    private final Consumer<String> warnings;

    /**
     * @param dir      the store directory
     * @param warnings receives one line per skipped entry, record or file
     */
    public StoreReader(Path dir, Consumer<String> warnings) {
        this.dir = dir;
        this.warnings = warnings;
    }

    /** The store directory. */
    public Path dir() {
        return dir;
    }

    /**
     * Every frame with {@code from <= at < to}, in time order, handed to {@code sink} one at a time (a day of
     * frames is not held in memory).
     *
     * @throws StoreException a file was written by a newer major version of the format
     * @throws IOException    the directory cannot be listed
     */
    public void frames(Instant from, Instant to, Consumer<Frame> sink) throws IOException {
        frames(from, to, c -> true, sink);
    }

    /**
     * As {@link #frames(Instant, Instant, Consumer)}, with the counters of only the containers {@code wanted}
     * accepts; the others are left out of the frames handed over. A host-only or one-container report reads a day
     * several times faster this way. {@code wanted} is called from the decoder threads, several at once: it must be
     * a pure function of the identity. {@code sink} is called on the calling thread only, in time order.
     */
    public void frames(Instant from, Instant to, Predicate<ContainerIdentity> wanted, Consumer<Frame> sink)
            throws IOException {
        frames(from, to, wanted, false, sink);
    }

    /**
     * As {@link #frames(Instant, Instant, Consumer)}, with the host sample only (frames without containers): what
     * a host report needs, read without parsing the containers at all.
     */
    public void hostFrames(Instant from, Instant to, Consumer<Frame> sink) throws IOException {
        frames(from, to, id -> false, true, sink);
    }

    private void frames(Instant from, Instant to, Predicate<ContainerIdentity> wanted, boolean hostOnly,
            Consumer<Frame> sink) throws IOException {
        // Chunks (a key frame and the frames encoded against it) decode independently of each other: worker threads
        // decode them, and this thread hands over each chunk's frames in order as they come, with at most WINDOW
        // chunks under way. Frames are handed on soon after they are made, so that few live through a collection
        // (over a day of 100 containers, collections copying buffered frames cost a quarter of the time). Warnings
        // come in the order a sequential read gives them.
        ArrayDeque<Output> out = new ArrayDeque<>();
        int decoding = 0;
        ExecutorService pool = null;
        try {
            for (Shards.Shard s : overlapping(from, to)) {
                List<String> shardWarnings = new ArrayList<>();
                Optional<ShardContent> read = read(s, shardWarnings::add);
                out.add(frames -> shardWarnings.forEach(warnings));
                if (read.isEmpty()) {
                    continue;
                }
                ShardContent c = read.get();
                for (List<IndexEntry> chunk : c.chunks(c.entries(IndexEntry.FRAME, from, to))) {
                    while (decoding >= WINDOW) {
                        Output o = out.poll();
                        o.handTo(sink);
                        if (o instanceof ChunkDecoder) {
                            decoding--;
                        }
                    }
                    if (pool == null) {
                        pool = Executors.newFixedThreadPool(DECODERS, DECODER_THREADS);
                    }
                    ChunkDecoder d = new ChunkDecoder(c, chunk, wanted, hostOnly);
                    pool.execute(d);
                    out.add(d);
                    decoding++;
                }
                out.add(frames -> {
                    int n = c.dependents.get();
                    if (n > 0) {
                        warnings.accept(s.data() + ": " + n + " more " + (n == 1 ? "frame" : "frames")
                                + " skipped: encoded against a skipped one");
                    }
                });
            }
            while (!out.isEmpty()) {
                out.poll().handTo(sink);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading " + dir);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /** Decoder threads: as many as there are CPUs, up to 4 (a day's read is then bounded by the hand-over). */
    private static final int DECODERS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    /** Chunks under way at a time: one more than the decoders, so that a freed decoder starts the next at once. */
    private static final int WINDOW = DECODERS + 1;
    private static final ThreadFactory DECODER_THREADS = r -> {
        Thread t = new Thread(r, "berth-history-decode");
        t.setDaemon(true);
        return t;
    };
    /** Ends a chunk decoder's output. */
    private static final Object END = new Object();

    /** What a read hands over, in order: a chunk's frames and warnings, or a shard's warnings. */
    private interface Output {
        void handTo(Consumer<Frame> sink) throws InterruptedException;
    }

    /**
     * Decodes one chunk on a worker thread, with state of its own (only the shard's dependents count is shared), and
     * queues its frames and warnings for the reading thread as it goes.
     */
    private final class ChunkDecoder implements Runnable, Output {
        private final ShardContent c;
        private final List<IndexEntry> chunk;
        private final Predicate<ContainerIdentity> wanted;
        private final boolean hostOnly;
        private final FrameCodec codec = new FrameCodec();
        private final java.util.Set<Long> failed = new java.util.HashSet<>();
        /** The last few decoded frames, by offset: the references of the next ones (previous or key frame). */
        @SuppressWarnings("serial")
        private final Map<Long, FrameCodec.Decoded> decoded = new java.util.LinkedHashMap<>(8, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, FrameCodec.Decoded> eldest) {
                return size() > 4;
            }
        };
        /** Frames, warning lines (strings), a Throwable if the decoder failed, and END. */
        private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        private int dependents;
        private ZstdDecompressCtx zstd;

        ChunkDecoder(ShardContent c, List<IndexEntry> chunk, Predicate<ContainerIdentity> wanted, boolean hostOnly) {
            this.c = c;
            this.chunk = chunk;
            this.wanted = wanted;
            this.hostOnly = hostOnly;
        }

        @Override
        public void run() {
            try {
                for (IndexEntry e : chunk) {
                    if (Thread.currentThread().isInterrupted()) {
                        break; // the read ended early (its consumer failed)
                    }
                    decodeFrame(e, wanted, hostOnly).ifPresent(d -> queue.add(d.visible(wanted)));
                }
            } catch (RuntimeException | Error e) {
                queue.add(e);
            } finally {
                if (zstd != null) {
                    zstd.close();
                }
                c.dependents.addAndGet(dependents);
                queue.add(END);
            }
        }

        @Override
        public void handTo(Consumer<Frame> sink) throws InterruptedException {
            for (Object o = queue.take(); o != END; o = queue.take()) {
                if (o instanceof Frame f) {
                    sink.accept(f);
                } else if (o instanceof String w) {
                    warnings.accept(w);
                } else if (o instanceof RuntimeException e) {
                    throw e;
                } else if (o instanceof Error e) {
                    throw e;
                }
            }
        }

        private Optional<FrameCodec.Decoded> decodeFrame(IndexEntry e, Predicate<ContainerIdentity> wanted,
                boolean hostOnly) {
            if (failed.contains(e.offset())) {
                return Optional.empty();
            }
            FrameCodec.Decoded cached = decoded.get(e.offset());
            if (cached != null) {
                return Optional.of(cached);
            }
            Optional<byte[]> rec = c.record(e, queue::add);
            if (rec.isEmpty()) {
                failed.add(e.offset());
                return Optional.empty();
            }
            try {
                ByteSource in = new ByteSource(rec.get());
                long refTag = in.uvarint();
                FrameCodec.Decoded ref = null;
                if (refTag != 0) {
                    long refOffset = refTag - 1;
                    IndexEntry re = c.byOffset.get(refOffset);
                    if (re == null || re.kind() != IndexEntry.FRAME || refOffset >= e.offset()) {
                        throw new CorruptRecordException("its reference frame at offset " + refOffset
                                + " is not indexed");
                    }
                    // Follows the chain back to its key frame when the reference is not cached (a period that
                    // starts inside a chunk); the chain is at most StoreOptions.keyEvery long.
                    Optional<FrameCodec.Decoded> r = decodeFrame(re, wanted, hostOnly);
                    if (r.isEmpty()) {
                        // Counted, and reported once per shard: a damaged record costs the frames that follow it up
                        // to the next key frame, and one line each would bury the first one.
                        failed.add(e.offset());
                        dependents++;
                        return Optional.empty();
                    }
                    ref = r.get();
                }
                byte[] raw = decompress(in, rec.get());
                FrameCodec.Decoded f;
                try {
                    f = codec.decode(raw, ref, wanted, hostOnly);
                } catch (FrameCodec.SkeletonReferenceException ex) {
                    // A container became wanted (its name changed to one asked for) while its reference was
                    // skipped: decode this frame's chain again in full.
                    decoded.clear();
                    return decodeFrame(e, x -> true, false);
                }
                decoded.put(e.offset(), f);
                return Optional.of(f);
            } catch (CorruptRecordException | ZstdException | IllegalArgumentException
                    | java.time.DateTimeException ex) {
                failed.add(e.offset());
                queue.add(c.shard.data() + ": frame at offset " + e.offset() + " skipped: " + ex.getMessage());
                return Optional.empty();
            }
        }

        private byte[] decompress(ByteSource in, byte[] rec) {
            long n = in.uvarint();
            if (n < 0 || n > MAX_RECORD) {
                throw new CorruptRecordException("decoded size " + n + " out of range");
            }
            int start = rec.length - in.remaining();
            byte[] out = new byte[(int) n];
            if (zstd == null) {
                // One context per chunk: creating one per record costs more than decoding the record.
                zstd = new ZstdDecompressCtx();
            }
            int got = zstd.decompressByteArray(out, 0, out.length, rec, start, rec.length - start);
            if (got != n) {
                throw new CorruptRecordException("decoded " + got + " bytes, expected " + n);
            }
            return out;
        }
    }

    /** Every frame with {@code from <= at < to}, as a list (tests, small periods). */
    public List<Frame> frames(Instant from, Instant to) throws IOException {
        List<Frame> out = new ArrayList<>();
        frames(from, to, out::add);
        return out;
    }

    /**
     * Every event with {@code from <= at < to} in the store, in time order.
     *
     * @throws StoreException a file was written by a newer major version of the format
     */
    public List<Event> events(Instant from, Instant to) throws IOException {
        List<Event> out = new ArrayList<>();
        for (Shards.Shard s : overlapping(from, to)) {
            Optional<ShardContent> c = read(s);
            if (c.isEmpty()) {
                continue;
            }
            for (IndexEntry e : c.get().entries(IndexEntry.EVENT, from, to)) {
                c.get().record(e, warnings).ifPresent(bytes -> {
                    try {
                        out.add(EventCodec.decode(new String(bytes, StandardCharsets.UTF_8)));
                    } catch (IllegalArgumentException ex) {
                        warnings.accept(s.data() + ": event record at offset " + e.offset() + " skipped: "
                                + ex.getMessage());
                    }
                });
            }
        }
        out.sort(Comparator.comparing(Event::at));
        return out;
    }

    /** The time of the newest frame in the store, if any. */
    public Optional<Instant> lastFrameTime() throws IOException {
        List<Shards.Shard> all = Shards.list(dir);
        for (int i = all.size() - 1; i >= 0; i--) {
            Optional<ShardContent> c = read(all.get(i));
            if (c.isPresent()) {
                Optional<IndexEntry> last = c.get().entries(IndexEntry.FRAME, Instant.MIN, Instant.MAX).stream()
                        .reduce((a, b) -> b);
                if (last.isPresent()) {
                    return Optional.of(Instant.EPOCH.plus(last.get().timeMicros(), ChronoUnit.MICROS));
                }
            }
        }
        return Optional.empty();
    }

    /** The time of the oldest frame in the store, if any. */
    public Optional<Instant> firstFrameTime() throws IOException {
        for (Shards.Shard s : Shards.list(dir)) {
            Optional<ShardContent> c = read(s);
            if (c.isPresent()) {
                Optional<IndexEntry> first = c.get().entries(IndexEntry.FRAME, Instant.MIN, Instant.MAX).stream()
                        .findFirst();
                if (first.isPresent()) {
                    return Optional.of(Instant.EPOCH.plus(first.get().timeMicros(), ChronoUnit.MICROS));
                }
            }
        }
        return Optional.empty();
    }

    private List<Shards.Shard> overlapping(Instant from, Instant to) throws IOException {
        List<Shards.Shard> all = Shards.list(dir);
        List<Shards.Shard> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Shards.Shard s = all.get(i);
            // A shard's records lie in [start, next shard's start); the last one's end is open.
            Instant end = i + 1 < all.size() ? all.get(i + 1).start() : Instant.MAX;
            if (s.start().isBefore(to) && end.isAfter(from)) {
                out.add(s);
            }
        }
        return out;
    }

    /** The readable part of one shard: its entries (checked) and its data file. */
    private Optional<ShardContent> read(Shards.Shard s) throws IOException {
        return read(s, warnings);
    }

    private static Optional<ShardContent> read(Shards.Shard s, Consumer<String> warnings) throws IOException {
        byte[] idx;
        byte[] dat;
        try {
            idx = Files.readAllBytes(s.index());
            dat = Files.readAllBytes(s.data());
        } catch (NoSuchFileException e) {
            // retention deleted it between listing and reading, or a data file is missing
            if (Files.exists(s.index())) {
                warnings.accept(s.data() + ": missing, shard skipped");
            }
            return Optional.empty();
        }
        try {
            ShardHeader.decode(s.index(), idx, ShardHeader.INDEX_MAGIC);
            ShardHeader.decode(s.data(), dat, ShardHeader.DATA_MAGIC);
        } catch (ShardHeader.NewerFormatException e) {
            throw e;
        } catch (StoreException e) {
            warnings.accept(e.getMessage() + "; shard skipped");
            return Optional.empty();
        }
        List<IndexEntry> entries = new ArrayList<>();
        int bad = 0;
        for (int pos = ShardHeader.SIZE; pos + IndexEntry.SIZE <= idx.length; pos += IndexEntry.SIZE) {
            Optional<IndexEntry> e = IndexEntry.decode(idx, pos);
            if (e.isEmpty()) {
                bad++;
                continue;
            }
            IndexEntry x = e.get();
            if (x.offset() < ShardHeader.SIZE || x.length() < 0 || x.length() > MAX_RECORD
                    || x.offset() + x.length() > dat.length) {
                warnings.accept(s.index() + ": entry at offset " + pos + " points outside the data file, skipped");
                continue;
            }
            entries.add(x);
        }
        if (bad > 0) {
            warnings.accept(s.index() + ": " + bad + " damaged index " + (bad == 1 ? "entry" : "entries") + " skipped");
        }
        return Optional.of(new ShardContent(s, entries, dat));
    }

    private static final class ShardContent {
        final Shards.Shard shard;
        final List<IndexEntry> entries;
        final Map<Long, IndexEntry> byOffset = new HashMap<>();
        /** Frames skipped because the frame they are encoded against was, counted by the chunk decoders. */
        final AtomicInteger dependents = new AtomicInteger();
        final byte[] data;

        ShardContent(Shards.Shard shard, List<IndexEntry> entries, byte[] data) {
            this.shard = shard;
            this.entries = entries;
            this.data = data;
            for (IndexEntry e : entries) {
                byOffset.put(e.offset(), e);
            }
        }

        /** Entries of {@code kind} in [from, to), in time order (stable: records of equal time keep file order). */
        List<IndexEntry> entries(int kind, Instant from, Instant to) {
            long f = micros(from);
            long t = micros(to);
            List<IndexEntry> out = new ArrayList<>();
            for (IndexEntry e : entries) {
                if (e.kind() == kind && e.timeMicros() >= f && e.timeMicros() < t) {
                    out.add(e);
                }
            }
            out.sort(Comparator.comparingLong(IndexEntry::timeMicros));
            return out;
        }

        /**
         * {@code frames} (in time order) cut before each key frame: runs that decode without each other. A run whose
         * frames refer back past its start (a period that starts inside a chunk, or a clock that stepped back) still
         * decodes, by following the references.
         */
        List<List<IndexEntry>> chunks(List<IndexEntry> frames) {
            List<List<IndexEntry>> out = new ArrayList<>();
            List<IndexEntry> run = new ArrayList<>();
            for (IndexEntry e : frames) {
                // A key frame's record starts with the reference tag 0, a one-byte varint.
                if (!run.isEmpty() && e.length() > 0 && data[(int) e.offset()] == 0) {
                    out.add(run);
                    run = new ArrayList<>();
                }
                run.add(e);
            }
            if (!run.isEmpty()) {
                out.add(run);
            }
            return out;
        }

        Optional<byte[]> record(IndexEntry e, Consumer<String> warnings) {
            int off = (int) e.offset();
            if (IndexEntry.crc(data, off, e.length()) != e.dataCrc()) {
                warnings.accept(shard.data() + ": record at offset " + e.offset() + " fails its CRC, skipped");
                return Optional.empty();
            }
            byte[] out = new byte[e.length()];
            System.arraycopy(data, off, out, 0, e.length());
            return Optional.of(out);
        }

        private static long micros(Instant t) {
            if (t.equals(Instant.MIN) || t.isBefore(Instant.ofEpochSecond(-9_000_000_000_000L))) {
                return Long.MIN_VALUE;
            }
            if (t.equals(Instant.MAX) || t.isAfter(Instant.ofEpochSecond(9_000_000_000_000L))) {
                return Long.MAX_VALUE;
            }
            return ChronoUnit.MICROS.between(Instant.EPOCH, t);
        }
    }
}
