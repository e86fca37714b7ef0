package dev.berth.cgroupctl;

import java.util.List;

/**
 * Per-device block IO counters. v2: {@code io.stat} (empty file = no IO yet); v1: {@code blkio.throttle.io_service_bytes}
 * and {@code blkio.throttle.io_serviced} (their {@code _recursive} variants when present, so children count).
 *
 * @param devices one entry per device, in file order
 */
public record IoStat(List<IoDeviceStat> devices) {
    /** Copies the list. */
    public IoStat {
        devices = List.copyOf(devices);
    }
}
