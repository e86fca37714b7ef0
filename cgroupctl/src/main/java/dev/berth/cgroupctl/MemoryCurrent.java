package dev.berth.cgroupctl;

import java.util.OptionalLong;

/**
 * The memory a cgroup uses now, without its limits (which {@link MemoryUsage} adds and a sampler reads less often).
 * Units: bytes.
 *
 * @param usageBytes memory charged now: v2 {@code memory.current}, v1 {@code memory.usage_in_bytes}
 * @param swapBytes  swap in use: v2 {@code memory.swap.current}, v1 {@code memory.memsw.usage_in_bytes} minus usage;
 *                   empty without swap accounting
 */
public record MemoryCurrent(long usageBytes, OptionalLong swapBytes) {
}
