package dev.berth.collectors.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.collectors.testing.FakeHost;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockDevicesTest {
    @TempDir
    Path dir;

    @Test
    void wholeDiskRule() {
        FakeHost host = FakeHost.v2(dir);
        BlockDevices b = new BlockDevices(host.sysfs());
        assertEquals(new BlockDevice(8, 0, "sda", true), b.lookup(8, 0));
        assertFalse(b.lookup(8, 1).wholeDisk(), "partition");
        assertFalse(b.lookup(253, 0).wholeDisk(), "dm stacked on sda1");
        assertEquals("dm-0(vg-root)", b.lookup(253, 0).name());
        assertFalse(b.lookup(7, 0).wholeDisk(), "loop");
        BlockDevice unknown = b.lookup(9, 9);
        assertTrue(unknown.wholeDisk(), "unknown devices cannot be shown to be stacked");
        assertEquals("9:9", unknown.name());
    }

    @Test
    void liveSysfsSmoke() {
        // Every real /sys/dev/block entry gets a name; no assertion on which are disks (machine-dependent).
        BlockDevices b = new BlockDevices(Path.of("/sys"));
        if (java.nio.file.Files.isDirectory(Path.of("/sys/dev/block/7:0"))) {
            assertFalse(b.lookup(7, 0).wholeDisk());
            assertTrue(b.lookup(7, 0).name().startsWith("loop"));
        }
    }
}
