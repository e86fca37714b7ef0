package dev.berth.cgroupctl;

import java.nio.file.Path;

/** A cgroup or proc file does not have the expected format; carries the offending line, truncated. */
public final class MalformedCgroupFileException extends CgroupException {
    private static final long serialVersionUID = 1L;
    /** Longest part of the offending line kept in the message. */
    public static final int MAX_LINE = 120;
    private final String line;

    /**
     * @param file   the file
     * @param line   the offending line (truncated to {@value #MAX_LINE} characters)
     * @param reason what was expected, e.g. {@code expected "key value"}
     * @param cause  the parse error, may be null
     */
    public MalformedCgroupFileException(Path file, String line, String reason, Throwable cause) {
        super("malformed " + file + ": " + reason + ": \"" + truncate(line) + "\"", file, cause);
        this.line = truncate(line);
    }

    /** @return the offending line, truncated */
    public String line() {
        return line;
    }

    static String truncate(String line) {
        return line.length() <= MAX_LINE ? line : line.substring(0, MAX_LINE) + "...";
    }
}
