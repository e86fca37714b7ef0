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
        this("failed to write \"" + value.strip() + "\" to " + file + ": " + answer, file, value, answer, cause);
    }

    private CgroupWriteException(String message, Path file, String value, String answer, Throwable cause) {
        super(message, file, cause);
        this.value = value;
        this.answer = answer;
    }

    /**
     * A refused directory operation, e.g. {@code failed to rmdir /sys/fs/cgroup/memory/x: Device or resource busy}.
     *
     * @param dir       the cgroup directory
     * @param operation {@code mkdir} or {@code rmdir}
     * @param answer    the kernel's answer
     * @param cause     the I/O error, may be null
     * @return the exception ({@link #value()} is the operation)
     */
    public static CgroupWriteException ofOperation(Path dir, String operation, String answer, Throwable cause) {
        return new CgroupWriteException("failed to " + operation + " " + dir + ": " + answer, dir, operation, answer,
                cause);
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
