package dev.berth.cgroupctl;

import java.nio.file.Path;

/** There is no usable cgroup filesystem (e.g. probe layout {@link Layout#NONE}), or a path escapes the cgroup root. */
public final class NotCgroupFsException extends CgroupException {
    private static final long serialVersionUID = 1L;

    /**
     * @param file   the file or root concerned
     * @param reason why, e.g. the probe's unusable reason
     */
    public NotCgroupFsException(Path file, String reason) {
        super(reason, file, null);
    }
}
