package dev.berth.cgroupctl;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The memory limits of a cgroup and v1's count of limit hits, without the usage: what a sampler reads on its slow
 * cadence ({@link Cgroup#readMemoryLimits()}), the fields of {@link MemoryUsage} that are not read every tick. Units:
 * bytes.
 *
 * @param maxBytes              hard limit, as {@link MemoryUsage#maxBytes()}
 * @param highBytes             throttling limit, as {@link MemoryUsage#highBytes()} (unlimited on v1)
 * @param swapMaxBytes          swap limit, as {@link MemoryUsage#swapMaxBytes()}
 * @param failcnt               v1 {@code memory.failcnt}; empty on v2
 * @param memoryAndSwapMaxBytes v1 {@code memory.memsw.limit_in_bytes}; empty on v2 and without swap accounting
 */
public record MemoryLimits(Limit maxBytes, Limit highBytes, Optional<Limit> swapMaxBytes, OptionalLong failcnt,
                           Optional<Limit> memoryAndSwapMaxBytes) {

    /** @return the limits of {@code m} */
    public static MemoryLimits of(MemoryUsage m) {
        return new MemoryLimits(m.maxBytes(), m.highBytes(), m.swapMaxBytes(), m.failcnt(), m.memoryAndSwapMaxBytes());
    }
}
