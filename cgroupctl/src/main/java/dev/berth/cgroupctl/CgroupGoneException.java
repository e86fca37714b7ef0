package dev.berth.cgroupctl;

import java.nio.file.Path;

/**
 * The cgroup vanished while it was being read or written (ENOENT for a cgroup that existed, or ENODEV, which kernfs
 * returns for a file of a removed cgroup that was already open). An expected case: containers die all the time.
 */
public final class CgroupGoneException extends CgroupException {
    private static final long serialVersionUID = 1L;

    /**
     * @param file  the file being read
     * @param cause the I/O error
     */
    public CgroupGoneException(Path file, Throwable cause) {
        super("cgroup vanished: " + file, file, cause);
    }
}
