/**
 * Strict readers of the procfs and sysfs files berth needs beyond cgroups: {@code /proc/stat}, {@code meminfo},
 * {@code loadavg}, {@code diskstats}, {@code net/dev}, {@code <pid>/stat}, {@code auxv}, and the whole-disk rule
 * over {@code /sys/dev/block} ({@link dev.berth.collectors.proc.BlockDevices}).
 */
package dev.berth.collectors.proc;
