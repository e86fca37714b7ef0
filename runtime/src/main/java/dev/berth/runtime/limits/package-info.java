/**
 * The limit options shared by {@code berth run} and {@code berth set} ({@code --cpus},
 * {@code --cpu-weight}, {@code --cpuset-cpus}, {@code --memory}, {@code --memory-high},
 * {@code --memory-swap}, {@code --pids-limit}, {@code --device-read-bps/--device-write-bps/
 * --device-read-iops/--device-write-iops}).
 *
 * <p>Two stages, matching the two kinds of user error: the syntax parsers ({@link
 * dev.berth.runtime.limits.LimitSyntax}, {@link dev.berth.runtime.limits.CpuQuota}, {@link
 * dev.berth.runtime.limits.CpuList}, {@link dev.berth.runtime.limits.DeviceRate}, {@link
 * dev.berth.runtime.limits.ByteSize}) throw {@code IllegalArgumentException} and back picocli type
 * converters (exit 2); {@link dev.berth.runtime.limits.LimitResolver} checks a parsed {@link
 * dev.berth.runtime.limits.LimitRequest} against the host and yields cgroupctl {@code Resources},
 * or throws {@link dev.berth.runtime.limits.InvalidLimitException} (exit 1).
 */
package dev.berth.runtime.limits;
