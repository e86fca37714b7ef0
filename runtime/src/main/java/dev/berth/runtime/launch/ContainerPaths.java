package dev.berth.runtime.launch;

/** Checks on paths that name a place inside the container. */
final class ContainerPaths {
    private ContainerPaths() {
    }

    /**
     * Returns {@code path} when it is absolute and has no "." or ".." component, no empty
     * component and no NUL: such a path cannot climb out of the rootfs by itself (symlinks in the
     * image are checked by the helper when it mounts).
     */
    static String requireClean(String path, String what) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("invalid " + what + ": container path \"" + path + "\" must be absolute");
        }
        if (path.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("invalid " + what + ": container path contains a NUL character");
        }
        if (path.equals("/")) {
            return path;
        }
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        for (String part : trimmed.substring(1).split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw new IllegalArgumentException("invalid " + what + ": container path \"" + path
                        + "\" must not contain empty, \".\" or \"..\" components");
            }
        }
        return trimmed;
    }
}
