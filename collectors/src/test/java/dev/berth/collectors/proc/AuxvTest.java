package dev.berth.collectors.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuxvTest {
    @TempDir
    Path dir;

    @Test
    void readsPairsUntilTheNullEntry() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(8 * 8).order(ByteOrder.nativeOrder());
        b.putLong(Auxv.AT_PAGESZ).putLong(16384).putLong(Auxv.AT_CLKTCK).putLong(250).putLong(0).putLong(0)
                .putLong(99).putLong(1);
        Path f = dir.resolve("auxv");
        Files.write(f, b.array());
        assertEquals(16384, Auxv.read(f, Auxv.AT_PAGESZ).getAsLong());
        assertEquals(250, Auxv.read(f, Auxv.AT_CLKTCK).getAsLong());
        assertTrue(Auxv.read(f, 99).isEmpty(), "entries after AT_NULL are not read");
        assertTrue(Auxv.read(dir.resolve("missing"), Auxv.AT_PAGESZ).isEmpty());
    }

    @Test
    void liveValuesAreSane() {
        // Linux: USER_HZ is 100 on x86 and arm64; pages are 4 KiB or larger.
        assertEquals(100, Auxv.read(Path.of("/proc/self/auxv"), Auxv.AT_CLKTCK).orElse(100));
        assertTrue(Auxv.read(Path.of("/proc/self/auxv"), Auxv.AT_PAGESZ).orElse(4096) >= 4096);
    }
}
