package dev.berth.cgroupctl;

import java.nio.file.Path;

/** Reading a cgroup or proc file failed for a reason other than the ones with their own type (e.g. EACCES, EIO). */
public final class CgroupReadException extends CgroupException {
    private static final long serialVersionUID = 1L;

    /**
     * @param file  the file
     * @param cause the I/O error
     */
    public CgroupReadException(Path file, Throwable cause) {
        super("cannot read " + file + ": " + cause.getMessage(), file, cause);
    }
}
