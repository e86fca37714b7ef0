package dev.berth.cgroupctl;

import java.util.Optional;

/**
 * CPU time used and bandwidth throttling, read together: on v2 both are {@code cpu.stat}, read once; on v1 they are
 * {@code cpuacct.*} and {@code cpu.stat}, read one right after the other.
 *
 * @param usage      CPU time used
 * @param throttling throttling counters; empty when the cpu controller is not available for the cgroup
 */
public record CpuStat(CpuUsage usage, Optional<CpuThrottling> throttling) {
}
