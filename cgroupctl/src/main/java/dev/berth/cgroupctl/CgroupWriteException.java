package dev.berth.cgroupctl;

import java.nio.file.Path;

/**
 * The kernel refused a write, or a write did not take effect in time. The message names the value, the file and the
 * kernel's answer, e.g. {@code failed to write "1048576" to /sys/fs/cgroup/memory/x/memory.limit_in_bytes: Device or
 * resource busy}.
 */
public final class CgroupWriteException extends CgroupException {
    private static final long serialVersionUID = 1L;
    private final String value;
    private final String answer;

    /**
     * @param file   the file written
     * @param value  the text written
     * @param answer the kernel's answer (the errno text) or what did not happen
     * @param cause  the I/O error, may be null
     */
    public CgroupWriteException(Path file, String value, String answer, Throwable cause) {
        super("failed to write \"" + value.strip() + "\" to " + file + ": " + answer, file, cause);
        this.value = value;
        this.answer = answer;
    }

    /** @return the text that was written */
    public String value() {
        return value;
    }

    /** @return the kernel's answer, e.g. {@code Device or resource busy} */
    public String answer() {
        return answer;
    }
}
