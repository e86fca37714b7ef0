package dev.berth.history.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The 24-byte header at the start of every data and index file: magic, format version, the shard's start, and a
 * CRC of the header. See {@link StoreWriter}.
 *
 * @param magic {@link #DATA_MAGIC} or {@link #INDEX_MAGIC}
 * @param major format major version: a reader refuses a file with a newer one
 * @param minor format minor version: additions an older reader can ignore
 * @param start the start of the shard, UTC
 */
record ShardHeader(String magic, int major, int minor, Instant start) {
    static final int SIZE = 24;
    static final String DATA_MAGIC = "BERTHDAT";
    static final String INDEX_MAGIC = "BERTHIDX";
    /**
     * The format this berth writes; it reads every minor version of this major and no other major. History:
     * <ul>
     * <li>1.0: each PSI file as {@code some} avg10, avg60, total and an optional {@code full} avg10, total;</li>
     * <li>2.0: each PSI file as cgroupctl's {@code Pressure}: a {@code some} line (avg10, avg60, avg300, total) and
     * an optional {@code full} line of the same four. Not readable by a 1.x reader (the fields sit inline, before
     * the next container), hence the major. Files labelled 1.0 were also written in this layout for a while
     * (the change landed before the bump), so 1.0 cannot be told from 2.0 by more than guessing: a 2.x reader
     * skips 1.x files, saying so, rather than guess.</li>
     * </ul>
     */
    static final int MAJOR = 2;
    static final int MINOR = 0;

    byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(SIZE);
        b.put(magic.getBytes(StandardCharsets.US_ASCII)).putShort((short) major).putShort((short) minor)
                .putLong(start.getEpochSecond());
        b.putInt(IndexEntry.crc(b.array(), 0, SIZE - 4));
        return b.array();
    }

    /**
     * Checks a header read from {@code file}.
     *
     * @throws StoreException when it is not a berth history file of the expected kind or is damaged;
     *                        {@link NewerFormatException} or {@link OlderFormatException} when its major version is
     *                        not {@link #MAJOR}
     */
    static ShardHeader decode(Path file, byte[] buf, String expectedMagic) throws StoreException {
        if (buf.length < SIZE) {
            throw new StoreException(file, "not a berth history file: " + buf.length + " bytes, shorter than its header");
        }
        String magic = new String(buf, 0, 8, StandardCharsets.US_ASCII);
        if (!magic.equals(expectedMagic)) {
            throw new StoreException(file, "not a berth history file (magic is not " + expectedMagic + ")");
        }
        ByteBuffer b = ByteBuffer.wrap(buf, 8, SIZE - 8);
        int major = b.getShort() & 0xFFFF;
        int minor = b.getShort() & 0xFFFF;
        long start = b.getLong();
        int crc = b.getInt();
        if (crc != IndexEntry.crc(buf, 0, SIZE - 4)) {
            throw new StoreException(file, "damaged header (CRC mismatch)");
        }
        if (major > MAJOR) {
            throw new NewerFormatException(file, major, minor);
        }
        if (major < MAJOR) {
            throw new OlderFormatException(file, major, minor);
        }
        return new ShardHeader(magic, major, minor, Instant.ofEpochSecond(start));
    }

    /** A file written by a newer berth: the reader refuses it rather than misread it. */
    static final class NewerFormatException extends StoreException {
        private static final long serialVersionUID = 1L;

        NewerFormatException(Path file, int major, int minor) {
            super(file, "written by a newer berth (history format " + major + "." + minor + "; this berth reads "
                    + MAJOR + ".x): upgrade berth to read it");
        }
    }

    /**
     * A file written by an older berth in a major version this one cannot read: a reader skips it with this as the
     * warning (the rest of the store is still read), a writer leaves it alone and starts a new shard.
     */
    static final class OlderFormatException extends StoreException {
        private static final long serialVersionUID = 1L;

        OlderFormatException(Path file, int major, int minor) {
            super(file, "written by an older berth (history format " + major + "." + minor + "; this berth reads "
                    + MAJOR + ".x only, the samples' PSI layout changed in 2.0): read it with the berth that wrote it");
        }
    }
}
