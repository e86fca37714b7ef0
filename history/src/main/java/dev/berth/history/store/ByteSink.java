package dev.berth.history.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte array with the store's primitive encodings: unsigned LEB128 varints, zig-zag signed varints,
 * and strings as a varint length plus UTF-8. Not thread-safe; one per encoder.
 */
final class ByteSink {
    private byte[] buf = new byte[4096];
    private int size;

    void reset() {
        size = 0;
    }

    int size() {
        return size;
    }

    byte[] toArray() {
        return Arrays.copyOf(buf, size);
    }

    void u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
    }

    void bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
    }

    /** Unsigned LEB128 of the 64 bits of {@code v}. */
    void uvarint(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buf[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[size++] = (byte) v;
    }

    /** Zig-zag, so that small negative numbers are short too. */
    void svarint(long v) {
        uvarint((v << 1) ^ (v >> 63));
    }

    void fixed64(long v) {
        ensure(8);
        for (int i = 7; i >= 0; i--) {
            buf[size++] = (byte) (v >>> (i * 8));
        }
    }

    void string(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        uvarint(b.length);
        bytes(b);
    }

    private void ensure(int n) {
        if (size + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
        }
    }
}
