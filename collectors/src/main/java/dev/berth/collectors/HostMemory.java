package dev.berth.collectors;

import java.util.OptionalLong;

/**
 * Host memory from {@code /proc/meminfo}, bytes.
 *
 * @param availableBytes {@code MemAvailable}: the kernel's estimate of memory available without swapping
 *                       (empty on kernels before 3.14, which do not print it)
 */
public record HostMemory(long totalBytes, long freeBytes, OptionalLong availableBytes, long buffersBytes,
        long cachedBytes, long swapTotalBytes, long swapFreeBytes) {

    /** total − available: what top and free call "used"; empty without MemAvailable. */
    public OptionalLong usedBytes() {
        return availableBytes.isPresent() ? OptionalLong.of(totalBytes - availableBytes.getAsLong())
                : OptionalLong.empty();
    }

    /** Swap in use. */
    public long swapUsedBytes() {
        return swapTotalBytes - swapFreeBytes;
    }
}
