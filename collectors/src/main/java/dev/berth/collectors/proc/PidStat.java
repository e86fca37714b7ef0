package dev.berth.collectors.proc;

/**
 * The fields of {@code /proc/<pid>/stat} berth uses.
 *
 * @param comm       the command name (up to 15 characters, as the kernel truncates it)
 * @param state      R, S, D, Z, T, ...
 * @param ppid       parent pid
 * @param utime      user time in clock ticks
 * @param stime      system time in clock ticks
 * @param startTime  start time in clock ticks after boot; with the pid it identifies a process across pid reuse
 * @param rssPages   resident set in pages
 */
public record PidStat(long pid, String comm, char state, long ppid, long utime, long stime, long startTime,
        long rssPages) {
}
