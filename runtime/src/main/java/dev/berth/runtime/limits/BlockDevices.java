package dev.berth.runtime.limits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Resolves the DEV of a device throttle to the whole block device the kernel can throttle.
 *
 * <p>A {@code /dev} path is stat'ed for its device number ({@code st_rdev}, decoded as glibc's
 * {@code major()}/{@code minor()} do); a {@code MAJOR:MINOR} is taken as is. Either must then exist
 * under {@code <sysfs>/dev/block/}. A partition is refused with the name of its disk, because the
 * block cgroup throttles whole disks only ({@code blkcg_conf_open_bdev()} answers ENODEV for a
 * partition), and writing it would fail later with a bare "No such device".
 */
public final class BlockDevices {
    private static final Pattern MAJ_MIN = Pattern.compile("(\\d{1,10}):(\\d{1,10})");
    /** {@code S_IFMT} and {@code S_IFBLK} from {@code <sys/stat.h>}. */
    private static final int S_IFMT = 0170000;
    private static final int S_IFBLK = 0060000;

    private final Path sysfs;

    /** @param sysfs the sysfs root, normally {@code /sys} */
    public BlockDevices(Path sysfs) {
        this.sysfs = sysfs;
    }

    /** A block device number. */
    public record DeviceNumber(int major, int minor) {
        @Override
        public String toString() {
            return major + ":" + minor;
        }
    }

    /**
     * The whole-disk device {@code device} names.
     *
     * @param device a {@code /dev} path or {@code MAJOR:MINOR}
     * @throws InvalidLimitException for a missing path, a path that is not a block device, an
     *     unknown device number or a partition
     */
    public DeviceNumber resolve(String device) throws InvalidLimitException {
        DeviceNumber number;
        var m = MAJ_MIN.matcher(device);
        if (m.matches()) {
            try {
                number = new DeviceNumber(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            } catch (NumberFormatException e) {
                throw new InvalidLimitException("unknown block device " + device + ": no such device number", e);
            }
        } else {
            number = stat(device);
        }
        Path entry = sysfs.resolve("dev/block/" + number);
        if (!Files.exists(entry)) {
            throw new InvalidLimitException("unknown block device " + device
                    + (m.matches() ? "" : " (" + number + ")") + ": not in " + sysfs.resolve("dev/block")
                    + "; expected a disk such as " + exampleDisk());
        }
        if (Files.exists(entry.resolve("partition"))) {
            String disk = readDisk(entry.resolve("../dev"));
            throw new InvalidLimitException("block device " + device + " is a partition; io limits apply to whole "
                    + "disks" + (disk.isEmpty() ? "" : " (its disk is " + disk + ")"));
        }
        return number;
    }

    private static DeviceNumber stat(String device) throws InvalidLimitException {
        Path p = Path.of(device);
        try {
            int mode = (Integer) Files.getAttribute(p, "unix:mode");
            if ((mode & S_IFMT) != S_IFBLK) {
                throw new InvalidLimitException("unknown block device " + device + ": not a block device");
            }
            long rdev = (Long) Files.getAttribute(p, "unix:rdev");
            int major = (int) (((rdev >>> 32) & 0xfffff000L) | ((rdev >>> 8) & 0xfffL));
            int minor = (int) (((rdev >>> 12) & 0xffffff00L) | (rdev & 0xffL));
            return new DeviceNumber(major, minor);
        } catch (NoSuchFileException e) {
            throw new InvalidLimitException("unknown block device " + device + ": no such file", e);
        } catch (IOException | UnsupportedOperationException e) {
            throw new InvalidLimitException("unknown block device " + device + ": cannot stat it (" + e.getMessage()
                    + ")", e);
        }
    }

    private String exampleDisk() {
        try (var s = Files.list(sysfs.resolve("dev/block"))) {
            return s.filter(p -> !Files.exists(p.resolve("partition")))
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .findFirst()
                    .orElse("8:0");
        } catch (IOException e) {
            return "8:0";
        }
    }

    private static String readDisk(Path devFile) {
        try {
            return Files.readString(devFile).strip();
        } catch (IOException e) {
            return "";
        }
    }
}
