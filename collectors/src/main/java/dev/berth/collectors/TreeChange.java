package dev.berth.collectors;

import dev.berth.cgroupctl.CgroupFsProbe;
import dev.berth.cgroupctl.KernelFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Whether the set of cgroups may have changed since the last call, from two small kernel files instead of a walk:
 * {@code /proc/cgroups} (the number of cgroups of every v1 hierarchy) and the {@code cgroup.stat} of each cgroup2
 * root ({@code nr_descendants}, {@code nr_dying_descendants}). A cgroup created or removed changes one of them; a
 * removal and a creation between two calls may leave them as they were, which {@link ContainerDiscovery} covers
 * by walking again after it finds a listed cgroup gone. Unreadable files count as "changed", and so does every
 * call when the hierarchies are not cgroup filesystems (a fixture tree, a copy of a host's files): there the
 * counts do not follow the directories. Package-private: its one home is the discovery. Not thread-safe.
 */
final class TreeChange {
    private final List<KernelFile> files = new ArrayList<>();
    private final List<byte[]> last = new ArrayList<>();

    private final boolean kernel;

    TreeChange(CgroupFsProbe probe) {
        boolean k = true;
        for (java.nio.file.Path m : probe.v1Mounts().values()) {
            k &= isCgroupFs(m);
        }
        if (probe.unifiedMount().isPresent()) {
            k &= isCgroupFs(probe.unifiedMount().get());
        }
        this.kernel = k;
        if (!probe.v1Mounts().isEmpty()) {
            files.add(new KernelFile(probe.procfs().resolve("cgroups"), KernelFile.DEFAULT_CAP, true));
        }
        probe.unifiedMount().ifPresent(m -> files.add(new KernelFile(m.resolve("cgroup.stat"),
                KernelFile.DEFAULT_CAP, true)));
        for (int i = 0; i < files.size(); i++) {
            last.add(null);
        }
    }

    private static boolean isCgroupFs(java.nio.file.Path mount) {
        try {
            String type = java.nio.file.Files.getFileStore(mount).type();
            return type.equals("cgroup") || type.equals("cgroup2");
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads the files; true when any differs from the last call, could not be read, or this is the first call. */
    boolean changed() {
        boolean changed = files.isEmpty() || !kernel;
        for (int i = 0; i < files.size(); i++) {
            KernelFile f = files.get(i);
            byte[] before = last.get(i);
            try {
                int n = f.read();
                if (before == null || !Arrays.equals(before, 0, before.length, f.bytes(), 0, n)) {
                    last.set(i, Arrays.copyOf(f.bytes(), n));
                    changed = true;
                }
            } catch (IOException e) {
                last.set(i, null);
                changed = true;
            }
        }
        return changed;
    }
}
