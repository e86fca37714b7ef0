package dev.berth.runtime;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where berth's runtime keeps its state and its containers' cgroups.
 *
 * @param stateDir directory holding one subdirectory per container (default {@code /run/berth}:
 *     a tmpfs, so state survives the console but not a reboot, like runc's {@code /run/runc})
 * @param cgroupParent "/"-rooted cgroup path under which every container gets {@code <parent>/<name>}
 *     in every hierarchy (default {@code /berth})
 */
public record RuntimeConfig(Path stateDir, String cgroupParent) {
    /** The default state directory. */
    public static final Path DEFAULT_STATE_DIR = Path.of("/run/berth");
    /** The default cgroup parent. */
    public static final String DEFAULT_CGROUP_PARENT = "/berth";

    /**
     * @throws IllegalArgumentException if the cgroup parent is "/", empty, or has a "." or ".."
     *     component (it would escape or alias the hierarchy root)
     */
    public RuntimeConfig {
        Objects.requireNonNull(stateDir, "stateDir");
        cgroupParent = normalizeCgroupParent(cgroupParent);
    }

    /** The defaults: {@code /run/berth} and {@code /berth}. */
    public static RuntimeConfig defaults() {
        return new RuntimeConfig(DEFAULT_STATE_DIR, DEFAULT_CGROUP_PARENT);
    }

    /** The cgroup path of the container {@code name}: {@code <parent>/<name>}. */
    public String cgroupPathOf(ContainerName name) {
        return cgroupParent + "/" + name.value();
    }

    /**
     * Accepts "berth", "/berth", "/machine.slice/berth/" and returns the "/"-rooted form without a
     * trailing slash.
     */
    static String normalizeCgroupParent(String parent) {
        if (parent == null || parent.isBlank()) {
            throw new IllegalArgumentException("invalid cgroup parent \"\": expected a cgroup path such as berth or /machine.slice/berth");
        }
        StringBuilder out = new StringBuilder();
        for (String part : parent.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.equals(".") || part.equals("..")) {
                throw new IllegalArgumentException("invalid cgroup parent \"" + parent
                        + "\": \".\" and \"..\" are not accepted (the parent must stay inside the hierarchy)");
            }
            out.append('/').append(part);
        }
        if (out.length() == 0) {
            throw new IllegalArgumentException("invalid cgroup parent \"" + parent
                    + "\": the root cgroup cannot be the parent; use a path such as berth");
        }
        return out.toString();
    }
}
