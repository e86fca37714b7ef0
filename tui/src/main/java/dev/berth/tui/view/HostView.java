package dev.berth.tui.view;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The host meters of the header and the host panels.
 *
 * @param hostname host name
 * @param uptime time since boot; empty in replay (a recorder does not store it)
 * @param load1 load average over 1 min
 * @param load5 load average over 5 min
 * @param load15 load average over 15 min
 * @param cpuTotalPct busy share of all CPUs, 0..100; empty on the first sample
 * @param cpuPerCorePct busy share per logical CPU, 0..100 each; empty list on the first sample
 * @param memTotalBytes MemTotal. Units: bytes
 * @param memUsedBytes total minus free, buffers and cache. Units: bytes
 * @param memBuffersBytes Buffers. Units: bytes
 * @param memCachedBytes Cached plus reclaimable slab. Units: bytes
 * @param memAvailableBytes MemAvailable. Units: bytes
 * @param swapTotalBytes SwapTotal. Units: bytes
 * @param swapUsedBytes SwapTotal minus SwapFree. Units: bytes
 * @param diskReadBps read rate summed over disks. Units: bytes per second
 * @param diskWriteBps write rate summed over disks. Units: bytes per second
 * @param netRxBps receive rate summed over interfaces except loopback. Units: bytes per second
 * @param netTxBps transmit rate summed over interfaces except loopback. Units: bytes per second
 * @param disks per-disk rates (the {@code d} panel)
 * @param interfaces per-interface rates (the {@code n} panel)
 * @param topProcesses processes by CPU, highest first (the {@code t} panel)
 * @param selfCpuPct berth's own CPU use in percent of one core
 * @param selfRssBytes berth's own resident set size. Units: bytes
 */
public record HostView(String hostname, Optional<Duration> uptime, double load1, double load5, double load15,
        OptionalDouble cpuTotalPct, List<Double> cpuPerCorePct, long memTotalBytes, long memUsedBytes,
        long memBuffersBytes, long memCachedBytes, long memAvailableBytes, long swapTotalBytes, long swapUsedBytes,
        OptionalDouble diskReadBps, OptionalDouble diskWriteBps, OptionalDouble netRxBps, OptionalDouble netTxBps,
        List<DeviceRates> disks, List<InterfaceRates> interfaces, List<ProcessRow> topProcesses,
        OptionalDouble selfCpuPct, long selfRssBytes) {
}
