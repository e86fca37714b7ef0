package dev.berth.collectors.proc;

/**
 * A block device as sysfs describes it.
 *
 * @param major     device major number
 * @param minor     device minor number
 * @param name      display name: the kernel name ({@code vda}, {@code zram0}), or for device-mapper
 *                  devices {@code dm-N} followed by the mapper name in parentheses, e.g. {@code dm-0(vg-root)};
 *                  {@code MAJ:MIN} when sysfs does not know the device
 * @param wholeDisk whether IO on this device counts towards totals (see {@link BlockDevices} for the rule)
 */
public record BlockDevice(int major, int minor, String name, boolean wholeDisk) {
}
