package dev.berth.cgroupctl;

/**
 * {@code pids.current} and {@code pids.max} (same files on v1 and v2).
 *
 * @param current processes and threads in the cgroup now
 * @param max     the limit, {@link Limit#UNLIMITED} for {@code max}
 */
public record PidsUsage(long current, Limit max) {
}
