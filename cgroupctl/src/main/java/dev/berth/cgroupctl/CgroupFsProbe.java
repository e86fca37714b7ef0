package dev.berth.cgroupctl;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The result of probing a host's cgroup filesystems once ({@link CgroupFsProber#probe()}); pass it on to
 * {@link CgroupFs#open(CgroupFsProbe)} rather than probing again.
 *
 * @param layout            v1, v2, hybrid or none
 * @param v1Mounts          v1 controller name (e.g. {@code memory}, {@code cpuacct}, {@code name=systemd}) to the
 *                          directory its hierarchy is mounted on, already re-rooted under {@link #sysfs()};
 *                          co-mounted controllers ({@code cpu,cpuacct}) map to the same directory
 * @param unifiedMount      where the cgroup2 hierarchy is mounted, re-rooted under {@link #sysfs()}
 * @param unifiedControllers the controllers listed in the cgroup2 root's {@code cgroup.controllers} (empty on
 *                          hybrid hosts, whose controllers are all bound to v1)
 * @param unusableReason    why the layout is {@link Layout#NONE}, or why part of it could not be used
 * @param procfs            the procfs root the probe read ({@code /proc} on a live host)
 * @param sysfs             the sysfs root mounts were re-rooted under ({@code /sys} on a live host)
 * @param mountRoots        for each key of {@code v1Mounts} and for {@code ""} (the cgroup2 hierarchy), the cgroup
 *                          path that the mount shows at its mount point (the mountinfo "root" field; {@code /}
 *                          on a host, e.g. {@code /docker/abc} inside a container without a cgroup namespace)
 */
public record CgroupFsProbe(Layout layout, Map<String, Path> v1Mounts, Optional<Path> unifiedMount,
                            Set<String> unifiedControllers, Optional<String> unusableReason, Path procfs, Path sysfs,
                            Map<String, String> mountRoots) {

    /** Key of {@link #mountRoots()} for the cgroup2 hierarchy. */
    public static final String UNIFIED_KEY = "";

    /** Copies the collections so the probe stays immutable. */
    public CgroupFsProbe {
        v1Mounts = Map.copyOf(v1Mounts);
        unifiedControllers = Set.copyOf(unifiedControllers);
        mountRoots = Map.copyOf(mountRoots);
    }

    /**
     * A probe whose hierarchies are all mounted at their root ({@code /}), as on a host.
     *
     * @see #CgroupFsProbe(Layout, Map, Optional, Set, Optional, Path, Path, Map)
     */
    public CgroupFsProbe(Layout layout, Map<String, Path> v1Mounts, Optional<Path> unifiedMount,
                         Set<String> unifiedControllers, Optional<String> unusableReason, Path procfs, Path sysfs) {
        this(layout, v1Mounts, unifiedMount, unifiedControllers, unusableReason, procfs, sysfs, Map.of());
    }

    /**
     * The cgroup path shown at the mount point of one hierarchy.
     *
     * @param key a key of {@link #v1Mounts()}, or {@link #UNIFIED_KEY}
     * @return the mountinfo root of that hierarchy, {@code /} when unknown
     */
    public String mountRoot(String key) {
        return mountRoots.getOrDefault(key, "/");
    }
}
