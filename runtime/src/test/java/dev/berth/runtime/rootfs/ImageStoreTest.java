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

    /** Issue 10 defect 3: a berth killed while tar ran left .images/.tmp-<uuid>, removable by no command. */
    @Test
    void unpacksOfDeadBerthsAreRemovedAndLiveOnesKept() throws Exception {
        Path images = tmp.resolve("images");
        long self = ProcessHandle.current().pid();
        Path dead = Files.createDirectories(images.resolve(".tmp-999999999-0f8fad5b-d9cb-469f-a165-70867728950e/usr"));
        Files.writeString(dead.resolve("big"), "x".repeat(4096));
        Path alive = Files.createDirectories(images.resolve(".tmp-" + self + "-7c9e6679-7425-40de-944b-e07fc1f90ae7"));
        Path base = Files.createDirectories(images.resolve("0123456789abcdef0123456789abcdef"));
        Path other = Files.createDirectories(images.resolve(".tmp-not-an-unpack"));
        int removed = new ImageStore(images).removeAbandonedUnpacks(pid -> pid == self);
        assertEquals(1, removed);
        assertFalse(Files.exists(dead.getParent()));
        assertTrue(Files.isDirectory(alive) && Files.isDirectory(base) && Files.isDirectory(other));
    }
}
