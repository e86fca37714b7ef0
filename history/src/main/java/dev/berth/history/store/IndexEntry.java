package dev.berth.history.store;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * One fixed-size entry of a shard's index file: where one record is in the data file and how to check it. See
 * {@link StoreWriter} for the layout.
 *
 * @param timeMicros the record's time, microseconds since the epoch, UTC
 * @param offset     where the record starts in the data file
 * @param length     its length in bytes
 * @param kind       {@link #FRAME} or {@link #EVENT}
 * @param dataCrc    CRC32C of the record's bytes
 */
record IndexEntry(long timeMicros, long offset, int length, int kind, int dataCrc) {
    static final int SIZE = 29;
    static final int FRAME = 1;
    static final int EVENT = 2;

    byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(SIZE);
        b.putLong(timeMicros).putLong(offset).putInt(length).put((byte) kind).putInt(dataCrc);
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, SIZE - 4);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    /** The entry at {@code pos} of {@code buf}, or empty when its own CRC does not match (a torn or damaged entry). */
    static Optional<IndexEntry> decode(byte[] buf, int pos) {
        CRC32C crc = new CRC32C();
        crc.update(buf, pos, SIZE - 4);
        ByteBuffer b = ByteBuffer.wrap(buf, pos, SIZE);
        long time = b.getLong();
        long offset = b.getLong();
        int length = b.getInt();
        int kind = b.get() & 0xFF;
        int dataCrc = b.getInt();
        int entryCrc = b.getInt();
        if (entryCrc != (int) crc.getValue()) {
            return Optional.empty();
        }
        return Optional.of(new IndexEntry(time, offset, length, kind, dataCrc));
    }

    static int crc(byte[] data, int off, int len) {
        CRC32C c = new CRC32C();
        c.update(data, off, len);
        return (int) c.getValue();
    }
}
