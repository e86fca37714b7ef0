package dev.berth.collectors.proc;

import java.nio.file.Path;

/** A procfs file did not have the expected format; carries the file and the offending line (truncated). */
public final class ProcParseException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Path file;

    public ProcParseException(Path file, String problem, String line) {
        super(file + ": " + problem + (line == null ? "" : ": \"" + truncate(line) + "\""));
        this.file = file;
    }

    /** The file that failed to parse. */
    public Path file() {
        return file;
    }

    private static String truncate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }
}
