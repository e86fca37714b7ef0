package dev.berth.runtime.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Tells whether a recorded pid still is the container's process, from {@code <procfs>/<pid>/stat}.
 *
 * <p>A pid alone is not enough: after berth was away, the number may belong to another process.
 * The start time (field 22, clock ticks since boot) identifies the process for as long as the host
 * is up, which is as long as {@code /run/berth} lives. A zombie counts as dead: its program has
 * finished, only its parent has not collected the status yet.
 */
public final class ProcessProbe {
    private final Path procfs;

    /** @param procfs the proc filesystem root, normally {@code /proc} */
    public ProcessProbe(Path procfs) {
        this.procfs = procfs;
    }

    /** State letter and start time of a process, from {@code /proc/<pid>/stat}. */
    public record ProcStat(char state, long startTime) {
    }

    /** The process's state and start time, or empty if there is no such process. */
    public Optional<ProcStat> stat(long pid) throws IOException {
        String content;
        try {
            content = Files.readString(procfs.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            // ESRCH: the process exited between open and read
            if (e.getMessage() != null && e.getMessage().contains("No such process")) {
                return Optional.empty();
            }
            throw e;
        }
        try {
            return Optional.of(parseStat(content));
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** The start time of {@code pid} in clock ticks since boot, or empty if there is no such process. */
    public Optional<Long> startTime(long pid) throws IOException {
        return stat(pid).map(ProcStat::startTime);
    }

    /**
     * Whether {@code pid} is alive, not a zombie, and (when {@code expectedStartTime} is not null)
     * the same process that was recorded.
     */
    public boolean isAlive(long pid, Long expectedStartTime) throws IOException {
        Optional<ProcStat> s = stat(pid);
        if (s.isEmpty() || s.get().state() == 'Z' || s.get().state() == 'X') {
            return false;
        }
        return expectedStartTime == null || expectedStartTime == s.get().startTime();
    }

    /**
     * Parses {@code /proc/<pid>/stat}. The command name (field 2) is in parentheses and may itself
     * contain spaces and ")", so fields are counted from the last ")". Package-private for testing.
     */
    static ProcStat parseStat(String content) {
        int close = content.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("malformed /proc/<pid>/stat: no \")\" in " + abbreviate(content));
        }
        String[] rest = content.substring(close + 1).trim().split(" +");
        // rest[0] is field 3 (state), so field 22 (starttime) is rest[19]
        if (rest.length < 20 || rest[0].length() != 1) {
            throw new IllegalArgumentException("malformed /proc/<pid>/stat: " + abbreviate(content));
        }
        try {
            return new ProcStat(rest[0].charAt(0), Long.parseLong(rest[19]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("malformed /proc/<pid>/stat: " + abbreviate(content), e);
        }
    }

    private static String abbreviate(String s) {
        String line = s.strip();
        return line.length() > 80 ? line.substring(0, 77) + "..." : line;
    }
}
