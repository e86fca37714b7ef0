package dev.berth.cgroupctl.format;

/**
 * Content that does not match the expected kernel file format. Parsers do not know which file they parse; readers
 * wrap this into a {@link dev.berth.cgroupctl.MalformedCgroupFileException} carrying the path.
 */
public final class MalformedContentException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String line;
    private final String reason;

    /**
     * @param line   the offending line (or the whole content when short)
     * @param reason what was expected
     */
    public MalformedContentException(String line, String reason) {
        super(reason + ": \"" + line + "\"");
        this.line = line;
        this.reason = reason;
    }

    /** @return the offending line */
    public String line() {
        return line;
    }

    /** @return what was expected */
    public String reason() {
        return reason;
    }
}
