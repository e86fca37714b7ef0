package dev.berth.runtime.rootfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageStoreTest {
    @TempDir
    Path tmp;

    @Test
    void aDirectoryIsUsedAsItIs() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("root"));
        ImageStore.Resolved r = new ImageStore(tmp.resolve("images")).resolve(dir);
        assertEquals(dir.toRealPath(), r.directory());
        assertFalse(r.fromArchive());
    }

    @Test
    void anArchiveIsUnpackedOnceAndReused() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src/etc"));
        Files.writeString(src.resolve("hostname"), "img\n");
        Path tar = tmp.resolve("image.tar");
        Process p = new ProcessBuilder("tar", "-cf", tar.toString(), "-C", tmp.resolve("src").toString(), ".").start();
        assertEquals(0, p.waitFor());
        ImageStore store = new ImageStore(tmp.resolve("images"));
        ImageStore.Resolved first = store.resolve(tar);
        assertTrue(first.fromArchive());
        assertEquals("img\n", Files.readString(first.directory().resolve("etc/hostname")));
        Files.writeString(first.directory().resolve("marker"), "same base");
        assertEquals(first.directory(), store.resolve(tar).directory());
        assertTrue(Files.exists(store.resolve(tar).directory().resolve("marker")), "not unpacked again");
    }

    @Test
    void notAnArchiveOrMissingIsAnError() throws Exception {
        ImageStore store = new ImageStore(tmp.resolve("images"));
        assertEquals("rootfs " + tmp.resolve("nope") + ": no such directory or archive",
                assertThrows(RootfsException.class, () -> store.resolve(tmp.resolve("nope"))).getMessage());
        Path junk = Files.writeString(tmp.resolve("junk.tar"), "this is not a tar archive, not at all");
        assertTrue(assertThrows(RootfsException.class, () -> store.resolve(junk)).getMessage()
                .startsWith("rootfs " + junk + ": not a tar archive berth can unpack"));
        try (var s = Files.list(tmp.resolve("images"))) {
            assertEquals(0, s.count(), "a failed unpack leaves nothing");
        }
    }
}
