package dev.berth.history.store;

import java.nio.charset.StandardCharsets;

/**
 * Reads what {@link ByteSink} wrote, bounds-checked: any read past the end, or a varint or length that cannot be
 * right, throws {@link CorruptRecordException} rather than returning garbage. Not thread-safe.
 */
final class ByteSource {
    private final byte[] buf;
    private int pos;

    ByteSource(byte[] buf) {
        this.buf = buf;
    }

    int remaining() {
        return buf.length - pos;
    }

    boolean atEnd() {
        return pos == buf.length;
    }

    int u8() {
        if (pos >= buf.length) {
            throw new CorruptRecordException("record ends early");
        }
        return buf[pos++] & 0xFF;
    }

    long uvarint() {
        if (pos < buf.length && buf[pos] >= 0) {
            return buf[pos++]; // one byte: most deltas
        }
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = u8();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new CorruptRecordException("varint longer than 10 bytes");
    }

    long svarint() {
        long z = uvarint();
        return (z >>> 1) ^ -(z & 1);
    }

    long fixed64() {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | u8();
        }
        return v;
    }

    /** A count or length that must fit in what is left of the record (each element takes at least a byte). */
    int count() {
        long n = uvarint();
        if (n < 0 || n > buf.length - pos) {
            throw new CorruptRecordException("count " + n + " exceeds the record");
        }
        return (int) n;
    }

    String string() {
        int n = count();
        String s = new String(buf, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return s;
    }
}
