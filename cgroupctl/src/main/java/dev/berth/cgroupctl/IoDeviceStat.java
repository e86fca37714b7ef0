package dev.berth.cgroupctl;

/**
 * Block IO done by a cgroup on one device.
 *
 * @param major     device major number
 * @param minor     device minor number
 * @param readBytes bytes read. Units: bytes
 * @param writeBytes bytes written. Units: bytes
 * @param readOps   read operations
 * @param writeOps  write operations
 */
public record IoDeviceStat(int major, int minor, long readBytes, long writeBytes, long readOps, long writeOps) {
}
