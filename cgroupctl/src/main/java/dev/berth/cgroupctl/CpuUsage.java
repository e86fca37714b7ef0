package dev.berth.cgroupctl;

import java.util.OptionalLong;

/**
 * CPU time used by a cgroup since it was created. Units: microseconds.
 *
 * <p>v2: {@code cpu.stat} {@code usage_usec}, {@code user_usec}, {@code system_usec}. v1: {@code cpuacct.usage}
 * (nanoseconds, divided by 1000); user/system from {@code cpuacct.usage_user}/{@code cpuacct.usage_sys}
 * (nanoseconds, Linux 4.7+) or else {@code cpuacct.stat} (USER_HZ ticks).
 *
 * @param usageUsec  total CPU time
 * @param userUsec   time in user mode, empty when the kernel does not report it
 * @param systemUsec time in kernel mode, empty when the kernel does not report it
 */
public record CpuUsage(long usageUsec, OptionalLong userUsec, OptionalLong systemUsec) {
}
