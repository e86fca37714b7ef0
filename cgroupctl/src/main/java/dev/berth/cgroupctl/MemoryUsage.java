package dev.berth.cgroupctl;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Memory usage and limits of a cgroup. Units: bytes.
 *
 * <p>v2: {@code memory.current}, {@code memory.max}, {@code memory.high}, {@code memory.swap.max},
 * {@code memory.swap.current}. v1: {@code memory.usage_in_bytes}, {@code memory.limit_in_bytes},
 * {@code memory.memsw.limit_in_bytes}/{@code memory.memsw.usage_in_bytes} (memory+swap, so swap = memsw - memory),
 * {@code memory.failcnt}.
 *
 * @param usageBytes     memory charged to the cgroup now
 * @param maxBytes       hard limit; {@link Limit#UNLIMITED} for {@code max} (v2) or the page-rounded
 *                       {@code LONG_MAX} (v1)
 * @param highBytes      throttling limit ({@code memory.high}); v1 has no such knob, so it is always
 *                       {@link Limit#UNLIMITED} there (no high throttling is applied)
 * @param swapMaxBytes   swap limit; empty without swap accounting. v1: memsw limit minus memory limit, unlimited
 *                       when either is unlimited
 * @param swapUsageBytes swap in use; empty without swap accounting
 * @param failcnt        times usage hit the limit (v1 {@code memory.failcnt}); empty on v2, which has no such file
 *                       ({@code memory.events} {@code max} counts instead)
 * @param memoryAndSwapMaxBytes v1 {@code memory.memsw.limit_in_bytes} as the kernel shows it: memory plus swap;
 *                       empty on v2, which has no combined limit, and without swap accounting
 */
public record MemoryUsage(long usageBytes, Limit maxBytes, Limit highBytes, Optional<Limit> swapMaxBytes,
                          OptionalLong swapUsageBytes, OptionalLong failcnt, Optional<Limit> memoryAndSwapMaxBytes) {

    /** Usage without a combined memory+swap limit (v2, or v1 without swap accounting). */
    public MemoryUsage(long usageBytes, Limit maxBytes, Limit highBytes, Optional<Limit> swapMaxBytes,
            OptionalLong swapUsageBytes, OptionalLong failcnt) {
        this(usageBytes, maxBytes, highBytes, swapMaxBytes, swapUsageBytes, failcnt, Optional.empty());
    }
}
