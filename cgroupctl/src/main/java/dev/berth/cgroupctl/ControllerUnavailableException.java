package dev.berth.cgroupctl;

import java.nio.file.Path;

/**
 * The file is missing because its controller or kernel feature is not there: the root cgroup has no
 * {@code memory.max}, a controller is not enabled in the parent's {@code cgroup.subtree_control}, swap accounting
 * is off, PSI is disabled (EOPNOTSUPP), or the hierarchy is not mounted.
 */
public final class ControllerUnavailableException extends CgroupException {
    private static final long serialVersionUID = 1L;

    /**
     * @param file   the missing file
     * @param reason why, e.g. {@code no such file}
     * @param cause  the I/O error, may be null
     */
    public ControllerUnavailableException(Path file, String reason, Throwable cause) {
        super(reason + ": " + file, file, cause);
    }
}
