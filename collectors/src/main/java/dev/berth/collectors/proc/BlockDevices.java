package dev.berth.collectors.proc;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Names block devices and decides which ones count towards IO totals, from {@code <sysfs>/dev/block/MAJ:MIN}.
 *
 * <p><b>The whole-disk rule.</b> One write from a container can show up on several devices: on the
 * device-mapper/LVM volume it was issued to and on the disk below it, on an md array and on its members,
 * on a loop device and on the disk holding the backing file. Summing every device counts it two or three
 * times. berth's totals therefore count a device only if all of these hold:
 * <ol>
 *   <li>it is not a partition: {@code /sys/dev/block/MAJ:MIN/partition} does not exist (partitions are
 *       also folded into their disk by the block layer's accounting);</li>
 *   <li>it is not stacked on other block devices: {@code slaves/} is absent or empty (this excludes
 *       device-mapper/LVM/dm-crypt, md RAID and bcache, whose IO reaches the disks below and is counted there);</li>
 *   <li>it is not a loop device ({@code loop/} exists), whose IO is re-issued to the backing file's disk;</li>
 *   <li>it is not memory: {@code zram*}, {@code ram*}.</li>
 * </ol>
 * A device that sysfs does not know (a fixture tree without {@code dev/block}, or a device that vanished)
 * is counted, because nothing shows it is stacked; its name is {@code MAJ:MIN}. Per-device figures are
 * always reported for every device, with {@code wholeDisk} saying whether they entered the total.
 *
 * <p>Results are cached per {@code MAJ:MIN}: the topology changes only on hotplug, and the cache keeps one
 * sample to a map lookup. Thread-safe.
 */
public final class BlockDevices {
    private final Path devBlock;
    private final ConcurrentMap<Long, BlockDevice> cache = new ConcurrentHashMap<>();

    /** @param sysfs the sysfs root, normally {@code /sys} */
    public BlockDevices(Path sysfs) {
        this.devBlock = sysfs.resolve("dev/block");
    }

    /** Describes device {@code major:minor}, from the cache or sysfs. */
    public BlockDevice lookup(int major, int minor) {
        return cache.computeIfAbsent(((long) major << 32) | minor, k -> describe(major, minor));
    }

    private BlockDevice describe(int major, int minor) {
        Path dir = devBlock.resolve(major + ":" + minor);
        if (!Files.isDirectory(dir)) {
            return new BlockDevice(major, minor, major + ":" + minor, true);
        }
        String kernelName = kernelName(dir, major, minor);
        String name = kernelName;
        Path dmName = dir.resolve("dm/name");
        if (Files.isReadable(dmName)) {
            try {
                name = kernelName + "(" + Files.readString(dmName).trim() + ")";
            } catch (IOException e) {
                // the mapper name is decoration; keep the kernel name
            }
        }
        boolean partition = Files.exists(dir.resolve("partition"));
        boolean stacked = hasEntries(dir.resolve("slaves"));
        boolean loop = Files.isDirectory(dir.resolve("loop")) || kernelName.matches("loop\\d+");
        boolean memory = kernelName.startsWith("zram") || kernelName.matches("ram\\d+");
        return new BlockDevice(major, minor, name, !partition && !stacked && !loop && !memory);
    }

    private static String kernelName(Path dir, int major, int minor) {
        // uevent carries DEVNAME=; in real sysfs the directory is a symlink whose last element is the name too.
        Path uevent = dir.resolve("uevent");
        try {
            for (String line : Files.readAllLines(uevent)) {
                if (line.startsWith("DEVNAME=")) {
                    return line.substring(8);
                }
            }
        } catch (IOException e) {
            // fall through to the symlink target
        }
        try {
            if (Files.isSymbolicLink(dir)) {
                return Files.readSymbolicLink(dir).getFileName().toString();
            }
        } catch (IOException e) {
            // fall through
        }
        return major + ":" + minor;
    }

    private static boolean hasEntries(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return s.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }
}
