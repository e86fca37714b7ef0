package dev.berth.collectors.proc;

/**
 * One line of {@code /proc/diskstats}: cumulative counters since boot. Bytes are sectors × 512 (the
 * kernel always counts 512-byte sectors in this file).
 *
 * @param name    kernel device name, e.g. {@code vda}, {@code dm-0}
 * @param ioMillis milliseconds spent doing IO (field 13), for utilisation
 */
public record DiskCounters(String name, int major, int minor, long readOps, long readBytes, long writeOps,
        long writeBytes, long ioMillis) {
}
