package dev.berth.ops;

import dev.berth.runtime.RuntimeConfig;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a front end tells the {@link Host}: the roots every reader uses and where berth's own containers live.
 *
 * @param procfs procfs root ({@code --procfs}, normally {@code /proc})
 * @param sysfs sysfs root ({@code --sysfs}, normally {@code /sys})
 * @param runtime state dir and cgroup parent ({@code --state-dir}, {@code --cgroup-parent})
 */
public record HostConfig(Path procfs, Path sysfs, RuntimeConfig runtime) {
    public HostConfig {
        Objects.requireNonNull(procfs, "procfs");
        Objects.requireNonNull(sysfs, "sysfs");
        Objects.requireNonNull(runtime, "runtime");
    }

    /**
     * The root under which docker's and podman's name files are ({@code var/lib/docker}, ...): the parent of
     * the procfs root, {@code /} for {@code /proc}, the tree's root for a fixture or another host's mount.
     */
    public Path fsRoot() {
        Path p = procfs.toAbsolutePath();
        return p.getParent() == null ? p : p.getParent();
    }
}
