package dev.berth.runtime.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockDevicesTest {
    @TempDir
    Path tmp;

    BlockDevices devices;

    BlockDevices devices() throws IOException {
        if (devices == null) {
            devices = new BlockDevices(new FakeSysfs(tmp).disk("vda", "254:0").partition("vda", "vda1", "254:1").root());
        }
        return devices;
    }

    @Test
    void majorMinorOfADiskResolves() throws Exception {
        assertEquals(new BlockDevices.DeviceNumber(254, 0), devices().resolve("254:0"));
    }

    @Test
    void unknownMajorMinorIsRefusedWithAnExample() throws Exception {
        InvalidLimitException e = assertThrows(InvalidLimitException.class, () -> devices().resolve("8:0"));
        assertEquals("unknown block device 8:0: not in " + tmp.resolve("dev/block") + "; expected a disk such as 254:0",
                e.getMessage());
    }

    @Test
    void partitionIsRefusedNamingItsDisk() throws Exception {
        InvalidLimitException e = assertThrows(InvalidLimitException.class, () -> devices().resolve("254:1"));
        assertEquals("block device 254:1 is a partition; io limits apply to whole disks (its disk is 254:0)",
                e.getMessage());
    }

    @Test
    void missingPathIsRefused() throws Exception {
        InvalidLimitException e = assertThrows(InvalidLimitException.class,
                () -> devices().resolve("/dev/berth-no-such-disk"));
        assertEquals("unknown block device /dev/berth-no-such-disk: no such file", e.getMessage());
    }

    @Test
    void characterDeviceAndPlainFileAreRefused() throws Exception {
        InvalidLimitException e = assertThrows(InvalidLimitException.class, () -> devices().resolve("/dev/null"));
        assertEquals("unknown block device /dev/null: not a block device", e.getMessage());
        Path file = Files.writeString(tmp.resolve("plain"), "x");
        assertThrows(InvalidLimitException.class, () -> devices().resolve(file.toString()));
    }

    /** The live host's first whole disk, looked up through its /dev node, gives the number sysfs lists. */
    @Test
    void realDiskByPathMatchesSysfs() throws Exception {
        Path sysBlock = Path.of("/sys/dev/block");
        assumeTrue(Files.isDirectory(sysBlock), "no /sys/dev/block on this host");
        Optional<Path> disk;
        try (Stream<Path> s = Files.list(sysBlock)) {
            disk = s.filter(p -> !Files.exists(p.resolve("partition")))
                    .filter(p -> Files.exists(Path.of("/dev", devName(p))))
                    .sorted().findFirst();
        }
        assumeTrue(disk.isPresent(), "no block device with a /dev node on this host");
        String majMin = disk.get().getFileName().toString();
        BlockDevices live = new BlockDevices(Path.of("/sys"));
        assertEquals(majMin, live.resolve("/dev/" + devName(disk.get())).toString());
        assertEquals(majMin, live.resolve(majMin).toString());
    }

    private static String devName(Path sysEntry) {
        try {
            return Files.readAllLines(sysEntry.resolve("uevent")).stream().filter(l -> l.startsWith("DEVNAME="))
                    .map(l -> l.substring(8)).findFirst().orElse("");
        } catch (IOException e) {
            return "";
        }
    }
}
