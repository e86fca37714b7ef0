package dev.berth.collectors.proc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Reads the ELF auxiliary vector of a process ({@code /proc/<pid>/auxv}): the kernel's answers to
 * {@code sysconf(_SC_CLK_TCK)} and {@code sysconf(_SC_PAGESIZE)} without native code. The file is an array of
 * native-endian machine words, (type, value) pairs, ending with type 0 (see getauxval(3)). Stateless.
 */
public final class Auxv {
    /** {@code AT_PAGESZ}: the page size, the unit of {@code rss} in {@code /proc/<pid>/stat}. */
    public static final int AT_PAGESZ = 6;
    /** {@code AT_CLKTCK}: USER_HZ, the unit of CPU times in {@code /proc/<pid>/stat} and {@code /proc/stat}. */
    public static final int AT_CLKTCK = 17;

    private Auxv() {
    }

    /** The value of entry {@code type} in {@code file}, or empty when the file or the entry is missing. */
    public static OptionalLong read(Path file, int type) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (IOException e) {
            return OptionalLong.empty();
        }
        boolean wide = !"32".equals(System.getProperty("sun.arch.data.model"));
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.nativeOrder());
        int word = wide ? 8 : 4;
        while (b.remaining() >= 2 * word) {
            long t = wide ? b.getLong() : Integer.toUnsignedLong(b.getInt());
            long v = wide ? b.getLong() : Integer.toUnsignedLong(b.getInt());
            if (t == 0) {
                break;
            }
            if (t == type) {
                return OptionalLong.of(v);
            }
        }
        return OptionalLong.empty();
    }
}
