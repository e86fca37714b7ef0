package dev.berth.collectors;

import dev.berth.cgroupctl.CgroupFsProbe;
import dev.berth.cgroupctl.KernelFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the set of cgroups may have changed since the last call, and where, from two small kernel files instead
 * of a walk: {@code /proc/cgroups} (the number of cgroups of every v1 hierarchy) and the {@code cgroup.stat} of the
 * cgroup2 root ({@code nr_descendants}). A cgroup created or removed changes a count. When every count moved by as
 * much as the primary hierarchy's (the one {@link ContainerDiscovery} walks on every change: runtimes and systemd
 * make a container's cgroup in every hierarchy), walking the primary one finds what changed; when another moved by
 * a different amount, a cgroup came or went outside it (or, on v1, a dying cgroup was freed there later than in the
 * primary one: a removed memory cgroup can linger while page cache is charged to it), and every hierarchy may
 * need a walk ({@link ContainerDiscovery} does at most one such walk per 30 s). A removal and a creation
 * between two calls may leave the counts as they were, which {@link ContainerDiscovery} covers by walking again
 * after it finds a listed cgroup gone, and by a full walk every period. An unreadable file counts as changed along
 * the primary hierarchy, and so does every call when the hierarchies are not cgroup filesystems (a fixture tree, a
 * copy of a host's files): there the counts do not follow the directories. Package-private: its one home is the
 * discovery. Not thread-safe.
 */
final class TreeChange {
    /** What a call found. */
    enum Change {
        /** No count moved. */
        NONE,
        /** Counts moved, each by as much as the primary hierarchy's (or they could not be compared). */
        ALONG_PRIMARY,
        /** A hierarchy's count moved by another amount than the primary's: a change outside the primary. */
        ELSEWHERE
    }

    /** The unified hierarchy's key in the count map ({@code /proc/cgroups} hierarchy ids are positive). */
    private static final int UNIFIED = 0;

    private final KernelFile procCgroups;
    private final KernelFile unifiedStat;
    private final Optional<String> primaryController;
    private final boolean kernel;
    private Map<Integer, Long> last;
    /** The files' bytes at the last call that parsed them. */
    private byte[] lastProc;
    private byte[] lastUnified;

    /**
     * @param probe             the host's layout
     * @param primaryController the v1 controller whose hierarchy is walked on every change; empty on v2
     */
    TreeChange(CgroupFsProbe probe, Optional<String> primaryController) {
        this(probe, primaryController, cgroupFilesystems(probe));
    }

    /** @param kernel whether the counts follow the directories (cgroup filesystems); tests give fixtures true */
    TreeChange(CgroupFsProbe probe, Optional<String> primaryController, boolean kernel) {
        this.kernel = kernel;
        this.primaryController = primaryController;
        this.procCgroups = probe.v1Mounts().isEmpty() ? null
                : new KernelFile(probe.procfs().resolve("cgroups"), KernelFile.DEFAULT_CAP, true);
        this.unifiedStat = probe.unifiedMount().map(m -> new KernelFile(m.resolve("cgroup.stat"),
                KernelFile.DEFAULT_CAP, true)).orElse(null);
    }

    private static boolean cgroupFilesystems(CgroupFsProbe probe) {
        boolean k = true;
        for (java.nio.file.Path m : probe.v1Mounts().values()) {
            k &= isCgroupFs(m);
        }
        if (probe.unifiedMount().isPresent()) {
            k &= isCgroupFs(probe.unifiedMount().get());
        }
        return k;
    }

    private static boolean isCgroupFs(java.nio.file.Path mount) {
        try {
            String type = java.nio.file.Files.getFileStore(mount).type();
            return type.equals("cgroup") || type.equals("cgroup2");
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads the files and compares their counts with the last call's; the first call is {@code ALONG_PRIMARY}. */
    Change changed() {
        // Bytes equal to the last call's (nearly every tick) are counts equal to its: no parsing.
        boolean procRead = readRaw(procCgroups);
        boolean unifiedRead = readRaw(unifiedStat);
        if (kernel && last != null && procRead && unifiedRead && sameAsLast(procCgroups, lastProc)
                && sameAsLast(unifiedStat, lastUnified)) {
            return Change.NONE;
        }
        lastProc = copy(procCgroups, procRead);
        lastUnified = copy(unifiedStat, unifiedRead);
        Map<Integer, Long> now = new HashMap<>();
        Optional<Integer> primary = Optional.empty();
        boolean readable = procRead;
        if (procCgroups != null && procRead) {
            try {
                primary = readProcCgroups(now);
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                readable = false;
            }
        }
        if (unifiedStat != null) {
            try {
                if (unifiedRead) {
                    now.put(UNIFIED, unifiedDescendants());
                }
            } catch (IOException | NumberFormatException e) {
                unifiedRead = false;
            }
            // an unreadable cgroup.stat leaves the v1 counts to compare: the unified hierarchy is then left out
            readable &= unifiedRead || procCgroups != null;
        }
        Map<Integer, Long> before = last;
        last = readable ? now : null;
        if (!kernel || !readable || before == null || (procCgroups == null && unifiedStat == null)) {
            return Change.ALONG_PRIMARY;
        }
        if (now.equals(before)) {
            return Change.NONE;
        }
        // the primary's own move; on v2 (no /proc/cgroups hierarchy to compare) the unified one is the primary
        Integer p = primary.orElse(procCgroups == null ? UNIFIED : null);
        if (p == null || !now.containsKey(p) || !before.containsKey(p) || !now.keySet().equals(before.keySet())) {
            return Change.ELSEWHERE;
        }
        long delta = now.get(p) - before.get(p);
        for (Map.Entry<Integer, Long> e : now.entrySet()) {
            if (e.getValue() - before.get(e.getKey()) != delta) {
                return Change.ELSEWHERE;
            }
        }
        return Change.ALONG_PRIMARY;
    }

    /** Reads {@code f} into its buffer; true when it was read (or is absent from this layout: null). */
    private static boolean readRaw(KernelFile f) {
        if (f == null) {
            return true;
        }
        try {
            f.read();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean sameAsLast(KernelFile f, byte[] last) {
        return f == null || last != null && Arrays.equals(f.bytes(), 0, f.length(), last, 0, last.length);
    }

    private static byte[] copy(KernelFile f, boolean read) {
        return f == null || !read ? null : Arrays.copyOf(f.bytes(), f.length());
    }

    /** Counts per hierarchy id from {@code /proc/cgroups} (just read); returns the primary controller's id. */
    private Optional<Integer> readProcCgroups(Map<Integer, Long> out) {
        String text = new String(procCgroups.bytes(), 0, procCgroups.length(), StandardCharsets.US_ASCII);
        Optional<Integer> primary = Optional.empty();
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            // subsys_name hierarchy num_cgroups enabled; hierarchy 0: not mounted on v1 (bound to v2, or disabled)
            String[] f = line.split("\t");
            int hierarchy = Integer.parseInt(f[1]);
            if (hierarchy == 0) {
                continue;
            }
            out.put(hierarchy, Long.parseLong(f[2]));
            if (primaryController.isPresent() && primaryController.get().equals(f[0])) {
                primary = Optional.of(hierarchy);
            }
        }
        return primary;
    }

    /** {@code nr_descendants} of the unified root's {@code cgroup.stat} (just read). */
    private long unifiedDescendants() throws IOException {
        String text = new String(unifiedStat.bytes(), 0, unifiedStat.length(), StandardCharsets.US_ASCII);
        for (String line : text.split("\n")) {
            if (line.startsWith("nr_descendants ")) {
                return Long.parseLong(line.substring("nr_descendants ".length()).strip());
            }
        }
        throw new IOException("no nr_descendants line in " + unifiedStat.path());
    }
}
