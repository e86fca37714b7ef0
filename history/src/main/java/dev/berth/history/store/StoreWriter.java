package dev.berth.history.store;

import com.github.luben.zstd.ZstdCompressCtx;
import dev.berth.history.event.Event;
import dev.berth.history.event.EventCodec;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Appends frames and events to a history store. The one class that writes the format, so the format is described
 * here (and in the README).
 *
 * <h2>Files</h2>
 * A store is a directory of shards, each covering {@link StoreOptions#shardLength()} of UTC time (an hour by
 * default) and named after its start, {@code 20261130T1900Z}: a data file {@code <start>.data} and an index file
 * {@code <start>.index}. Both are append-only. A record goes into the shard that holds its time. Retention
 * ({@link Retention}) deletes whole shards, oldest first; nothing is ever rewritten in place.
 *
 * <h2>Header</h2>
 * Both files start with 24 bytes: an 8-byte ASCII magic ({@code BERTHDAT} or {@code BERTHIDX}), the format's
 * major and minor version (u16 each, big-endian, now 2.0; {@link ShardHeader#MAJOR} lists what changed), the shard
 * start in seconds since the epoch (i64), and the CRC32C of those 20 bytes (u32). A newer minor version only adds
 * what an older reader may ignore; any other change is a new major. A reader refuses a file with a newer major
 * version, saying so (the read stops: upgrade berth); it skips a file with an older major version with a warning
 * saying which (it does not read 1.x files: see {@link ShardHeader#MAJOR}). A writer never appends to a file of
 * another version: when the shard of the current period has an older major version (berth upgraded mid-period) it
 * starts a new shard at the current minute, {@code <start>} then naming that minute.
 *
 * <h2>Index</h2>
 * After its header the index is a sequence of 29-byte entries, one per record, big-endian: time (i64, microseconds
 * since the epoch, UTC), offset of the record in the data file (i64), its length (u32), its kind (u8: 1 frame,
 * 2 event), the CRC32C of the record's bytes (u32) and the CRC32C of the entry's first 25 bytes (u32). An entry
 * whose own CRC fails, whose record lies beyond the data file, or whose record fails its CRC is skipped with a
 * warning; since entries have a fixed size, the next one is still found. A reader reads the index as far as a
 * whole entry goes, so it can read while the writer appends.
 *
 * <h2>Records</h2>
 * An event record is its one-line JSON ({@link EventCodec}). A frame record is {@code uvarint key} (0 when the
 * record is itself a key frame; otherwise 1 + the data-file offset of its reference frame, in the same data file),
 * {@code uvarint n} (the size of the encoded frame) and a zstd frame of those n bytes. The encoded frame
 * ({@link FrameCodec}) lists every field of the host and container samples as a difference from the same field of
 * the reference frame: zig-zag varints, strings that did not change as one 0 byte. Every
 * {@link StoreOptions#keyEvery()}-th frame, the first of every shard and the first after the writer opens the store
 * or fails a write is a key frame, encoded against nothing. The reference of the others is the previous frame or
 * the chunk's key frame ({@link StoreOptions#reference()}); the reader follows whichever the record names, so both
 * are the same format. A damaged record costs itself and the frames that refer to it, up to the next key frame;
 * never the file.
 *
 * <h2>Why this encoding</h2>
 * Measured by {@code bench/history} on samples of 100 and 500 cgroups (see its RESULTS.txt): zstd alone on each
 * sample, zstd with the chunk's first sample as dictionary, delta against the previous sample and delta against the
 * key frame, each then zstd. See {@link StoreOptions#DEFAULT} for the choice.
 *
 * <h2>Writing</h2>
 * A record's bytes are written to the data file first, then its index entry; only after both succeed do the
 * writer's end positions advance. A crash (SIGKILL) can leave bytes past the last entry, which nothing refers to,
 * or a partial last entry, which the writer cuts off when it next opens the shard; a reader skips both. After a
 * failed write (a full disk) the next write goes to the same positions again, so nothing half-written is ever
 * referred to. With {@link StoreOptions#sync()} both files are fsynced after each record.
 *
 * <p>Exactly one writer per store: {@link StoreLock}. <b>Not thread-safe.</b>
 */
public final class StoreWriter implements Closeable {
    private final Path dir;
    private final StoreOptions options;
    private final FrameCodec codec = new FrameCodec();
    private final ZstdCompressCtx zstd;
    private Shards.Shard shard;
    private FileChannel data;
    private FileChannel index;
    private long dataEnd;
    private long indexEnd;
    private Frame key;
    private long keyOffset;
    private Frame last;
    private long lastOffset;
    private int sinceKey;

    /**
     * @param dir     the store directory; created if absent
     * @param options sharding, key frames, compression
     * @throws IOException when the directory cannot be created
     */
    public StoreWriter(Path dir, StoreOptions options) throws IOException {
        this.dir = dir;
        this.options = options;
        Files.createDirectories(dir);
        this.zstd = new ZstdCompressCtx().setLevel(options.zstdLevel()).setChecksum(false).setContentSize(false);
    }

    /** The directory written. */
    public Path dir() {
        return dir;
    }

    /**
     * Appends one frame to the shard of its time.
     *
     * @return bytes written to the data file (the record; its 29-byte index entry comes on top)
     * @throws IOException when either file cannot be written (nothing half-written is referred to)
     */
    public int append(Frame f) throws IOException {
        openShardFor(f.at());
        boolean isKey = key == null || last == null || sinceKey >= options.keyEvery() - 1;
        boolean previous = options.reference() == StoreOptions.Reference.PREVIOUS;
        Frame ref = isKey ? null : previous ? last : key;
        long refOffset = previous ? lastOffset : keyOffset;
        byte[] encoded = codec.encode(f, ref);
        byte[] compressed = zstd.compress(encoded);
        ByteSink rec = new ByteSink();
        rec.uvarint(isKey ? 0 : refOffset + 1);
        rec.uvarint(encoded.length);
        rec.bytes(compressed);
        long at = dataEnd;
        try {
            write(rec.toArray(), f.at(), IndexEntry.FRAME);
        } catch (IOException e) {
            key = null;
            last = null;
            throw e;
        }
        if (isKey) {
            key = f;
            keyOffset = at;
            sinceKey = 0;
        } else {
            sinceKey++;
        }
        last = f;
        lastOffset = at;
        return rec.size();
    }

    /**
     * Appends one event to the shard of its time.
     *
     * @throws IOException when either file cannot be written
     */
    public void append(Event e) throws IOException {
        openShardFor(e.at());
        write(EventCodec.encode(e).getBytes(StandardCharsets.UTF_8), e.at(), IndexEntry.EVENT);
    }

    private void write(byte[] record, Instant at, int kind) throws IOException {
        // A previous write may have failed half-way: cut the index back to its last whole entry before appending.
        if (index.size() > indexEnd) {
            index.truncate(indexEnd);
        }
        writeFully(data, record, dataEnd);
        IndexEntry entry = new IndexEntry(ChronoUnit.MICROS.between(Instant.EPOCH, at), dataEnd, record.length, kind,
                IndexEntry.crc(record, 0, record.length));
        writeFully(index, entry.encode(), indexEnd);
        if (options.sync()) {
            data.force(false);
            index.force(false);
        }
        dataEnd += record.length;
        indexEnd += IndexEntry.SIZE;
    }

    private static void writeFully(FileChannel ch, byte[] bytes, long pos) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            pos += ch.write(b, pos);
        }
    }

    private void openShardFor(Instant t) throws IOException {
        Instant start = Shards.startOf(t, options.shardLength());
        // The shard being written covers the rest of its period from its own start (normally the period's start;
        // later when the period's own shard was left to an older format, below).
        if (shard != null && data != null && Shards.startOf(shard.start(), options.shardLength()).equals(start)
                && !t.isBefore(shard.start())) {
            return;
        }
        closeFiles();
        key = null;
        last = null;
        try {
            open(Shards.shard(dir, start));
        } catch (ShardHeader.OlderFormatException e) {
            // Upgraded mid-period: the period's shard is in a format this berth cannot append to (or read). Leave it
            // as it is and go on in a shard starting at this minute; readers take each shard as covering the time up
            // to the next one's start, and retention deletes both like any other.
            Instant minute = t.truncatedTo(ChronoUnit.MINUTES);
            if (!minute.isAfter(start)) {
                throw new StoreException(e.path(), "in an older history format, which this berth does not append to; "
                        + "writing resumes in a new shard from the next minute");
            }
            open(Shards.shard(dir, minute));
        }
    }

    private void open(Shards.Shard s) throws IOException {
        Instant start = s.start();
        FileChannel d = FileChannel.open(s.data(), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileChannel i;
        try {
            i = FileChannel.open(s.index(), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            d.close();
            throw e;
        }
        try {
            dataEnd = header(d, s.data(), ShardHeader.DATA_MAGIC, start);
            long iEnd = header(i, s.index(), ShardHeader.INDEX_MAGIC, start);
            // A writer killed mid-entry leaves a partial entry at the end: cut it off so that entries stay aligned.
            indexEnd = ShardHeader.SIZE + (iEnd - ShardHeader.SIZE) / IndexEntry.SIZE * IndexEntry.SIZE;
            if (iEnd > indexEnd) {
                i.truncate(indexEnd);
            }
        } catch (IOException e) {
            d.close();
            i.close();
            throw e;
        }
        shard = s;
        data = d;
        index = i;
    }

    /** Writes the header of a new (or empty) file, checks that of an existing one; returns the file's end. */
    private static long header(FileChannel ch, Path file, String magic, Instant start) throws IOException {
        long size = ch.size();
        if (size < ShardHeader.SIZE) {
            // Empty, or a header torn by a crash: nothing after it can have been written.
            ch.truncate(0);
            writeFully(ch, new ShardHeader(magic, ShardHeader.MAJOR, ShardHeader.MINOR, start).encode(), 0);
            return ShardHeader.SIZE;
        }
        ByteBuffer b = ByteBuffer.allocate(ShardHeader.SIZE);
        while (b.hasRemaining() && ch.read(b, b.position()) > 0) {
            // read the header
        }
        ShardHeader h = ShardHeader.decode(file, b.array(), magic);
        if (h.minor() > ShardHeader.MINOR) {
            throw new StoreException(file, "written by a newer berth (history format " + h.major() + "."
                    + h.minor() + "); this berth appends to format " + ShardHeader.MAJOR + "." + ShardHeader.MINOR
                    + " only: upgrade berth");
        }
        return size;
    }

    /** The shard being written, for retention (which must not delete it); empty before the first record. */
    public java.util.Optional<Instant> currentShard() {
        return java.util.Optional.ofNullable(shard).map(Shards.Shard::start);
    }

    private void closeFiles() throws IOException {
        try {
            if (data != null) {
                data.close();
            }
        } finally {
            data = null;
            if (index != null) {
                index.close();
            }
            index = null;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            closeFiles();
        } finally {
            zstd.close();
        }
    }
}
