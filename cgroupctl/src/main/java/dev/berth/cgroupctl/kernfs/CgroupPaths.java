package dev.berth.cgroupctl.kernfs;

import java.util.ArrayDeque;
import java.util.Deque;

/** Normalises cgroup paths and refuses those that escape the hierarchy root. */
public final class CgroupPaths {
    private CgroupPaths() {
    }

    /**
     * @param path e.g. {@code docker/abc}, {@code /a/./b/}, {@code /a/../b}
     * @return the path with a leading {@code /}, no {@code .} or {@code ..} segments and no trailing {@code /}
     * @throws IllegalArgumentException if {@code ..} would leave the root, or the path has a NUL character
     */
    public static String normalize(String path) {
        if (path.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("invalid cgroup path \"" + path.replace('\0', '?')
                    + "\": contains a NUL character");
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String seg : path.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (parts.isEmpty()) {
                    throw new IllegalArgumentException("invalid cgroup path \"" + path
                            + "\": escapes the cgroup root");
                }
                parts.removeLast();
            } else {
                parts.addLast(seg);
            }
        }
        return "/" + String.join("/", parts);
    }

    /**
     * @param path a normalised path
     * @return the path without its leading {@code /}, for {@link java.nio.file.Path#resolve(String)}
     */
    static String relative(String path) {
        return path.substring(1);
    }

    /**
     * Translates a path as the kernel shows it in {@code /proc/<pid>/cgroup} to one relative to a mount that shows
     * the hierarchy from {@code mountRoot} (e.g. a container without a cgroup namespace sees {@code /docker/abc}
     * mounted at its {@code /sys/fs/cgroup/memory}).
     *
     * @param kernelPath e.g. {@code /docker/abc/sub}
     * @param mountRoot  e.g. {@code /docker/abc}
     * @return e.g. {@code /sub}; unchanged when the path is not below the mount root
     */
    public static String belowMountRoot(String kernelPath, String mountRoot) {
        if (mountRoot.equals("/")) {
            return kernelPath;
        }
        if (kernelPath.equals(mountRoot)) {
            return "/";
        }
        if (kernelPath.startsWith(mountRoot + "/")) {
            return kernelPath.substring(mountRoot.length());
        }
        return kernelPath;
    }
}
