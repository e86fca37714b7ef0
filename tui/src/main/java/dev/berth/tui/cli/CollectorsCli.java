package dev.berth.tui.cli;

import dev.berth.cgroupctl.CgroupException;
import dev.berth.collectors.Collector;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;

/** What {@code berth ps} and {@code berth stat} share: opening a {@link Collector} on the global roots. */
final class CollectorsCli {
    private CollectorsCli() {
    }

    /**
     * Opens a collector over {@code --procfs}/{@code --sysfs}, recognising berth's own containers under
     * {@code --cgroup-parent}. Docker and podman names are read under the parent
     * of the procfs root ({@code /} for {@code /proc}; the tree's root for a fixture or another host's mount).
     */
    static Collector open(BerthCommand root) {
        try {
            Path procfs = root.procfs.toAbsolutePath();
            Path fsRoot = procfs.getParent() == null ? procfs : procfs.getParent();
            return Collector.forHost(root.procfs, root.sysfs, fsRoot, root.runtime.config().cgroupParent(),
                    InstantSource.system());
        } catch (CgroupException e) {
            throw new UserDataException("no usable cgroup filesystem under " + root.sysfs + " (procfs "
                    + root.procfs + "): " + e.getMessage(), e);
        }
    }

    /** Sleeps, turning an interrupt into a clean stop of the command. */
    static boolean sleep(Duration d) {
        try {
            Thread.sleep(Math.max(0, d.toMillis()));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
