package dev.berth.collectors;

import java.util.OptionalLong;

/**
 * Raw counters of one process from {@code /proc/<pid>/stat} (and {@code cmdline} when asked for).
 *
 * @param pid        process id
 * @param command    the command line joined by spaces when read, else {@code comm}
 * @param state      the state letter (R, S, D, Z, T, ...)
 * @param cpuUsec    user + system CPU time, microseconds
 * @param startTime  start time in clock ticks after boot: with the pid it tells a reused pid apart
 * @param rssBytes   resident set size; empty for kernel threads
 */
public record ProcessSample(long pid, String command, char state, long cpuUsec, long startTime,
        OptionalLong rssBytes) {
}
