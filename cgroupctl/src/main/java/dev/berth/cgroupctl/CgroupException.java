package dev.berth.cgroupctl;

import java.nio.file.Path;

/**
 * Something went wrong with a cgroup file. Every subtype carries the file (or directory) it concerns; the original
 * {@link java.io.IOException}, if any, is the cause. Callers branch on the type, never on the message:
 * <ul>
 *   <li>{@link CgroupGoneException}: the cgroup vanished while being read (containers die all the time);</li>
 *   <li>{@link ControllerUnavailableException}: the file is not there because the controller or feature is not
 *       (the root cgroup has no {@code memory.max}; PSI disabled);</li>
 *   <li>{@link MalformedCgroupFileException}: the file exists but does not have the expected format;</li>
 *   <li>{@link NotCgroupFsException}: no usable cgroup filesystem;</li>
 *   <li>{@link CgroupWriteException}: the kernel refused a write, or a write did not take effect in time;</li>
 *   <li>{@link CgroupReadException}: any other I/O error (permission denied, EIO).</li>
 * </ul>
 */
public abstract sealed class CgroupException extends Exception
        permits MalformedCgroupFileException, CgroupGoneException, ControllerUnavailableException,
                NotCgroupFsException, CgroupWriteException, CgroupReadException {

    private static final long serialVersionUID = 1L;
    private final transient Path file;

    CgroupException(String message, Path file, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** @return the file or cgroup directory concerned */
    public Path file() {
        return file;
    }
}
