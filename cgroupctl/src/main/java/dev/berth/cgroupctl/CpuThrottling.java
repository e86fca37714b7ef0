package dev.berth.cgroupctl;

/**
 * CFS bandwidth throttling counters. v2: {@code cpu.stat} {@code nr_periods}, {@code nr_throttled},
 * {@code throttled_usec}; v1: {@code cpu.stat} {@code nr_periods}, {@code nr_throttled}, {@code throttled_time}
 * (nanoseconds, converted).
 *
 * @param periods          enforcement periods that have elapsed
 * @param throttledPeriods periods in which the cgroup was throttled
 * @param throttledUsec    total time throttled. Units: microseconds
 */
public record CpuThrottling(long periods, long throttledPeriods, long throttledUsec) {
}
