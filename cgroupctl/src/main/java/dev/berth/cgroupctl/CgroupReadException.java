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
        super("cannot read " + file + ": " + reason(file, cause), file, cause);
    }

    /** The cause's text, without the file name when the cause already starts with it. */
    private static String reason(Path file, Throwable cause) {
        if (cause instanceof java.nio.file.FileSystemException f && f.getReason() != null
                && file.toString().equals(f.getFile())) {
            return f.getReason();
        }
        return String.valueOf(cause.getMessage());
    }
}
