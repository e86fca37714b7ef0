package dev.berth.cgroupctl;

import dev.berth.cgroupctl.format.ListFormat;
import dev.berth.cgroupctl.format.MalformedContentException;
import dev.berth.cgroupctl.format.MountinfoFormat;
import dev.berth.cgroupctl.format.ProcCgroupsFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds how a host mounts its cgroup hierarchies, from {@code <procfs>/self/mountinfo} and {@code <procfs>/cgroups}.
 *
 * <p>Mount points are re-rooted under the given sysfs: a mount at {@code /sys/fs/cgroup/memory} maps to
 * {@code <sysfs>/fs/cgroup/memory}, and a mount outside {@code /sys} (e.g. {@code /cgroup/cpu} on old hosts) maps
 * below the sysfs root's parent. With the defaults ({@code /proc}, {@code /sys}) paths are unchanged; with a
 * fixture tree or another host's {@code /proc} and {@code /sys} mounted elsewhere, they point into that tree.
 *
 * <p>Probe once and pass the result on ({@link CgroupFs#open(CgroupFsProbe)}); the prober keeps no state.
 */
public final class CgroupFsProber {
    /** Mount options of cgroup v1 that are not controller names; used only when /proc/cgroups is unreadable. */
    private static final Set<String> MOUNT_OPTIONS = Set.of("rw", "ro", "xattr", "noprefix", "clone_children",
            "cpuset_v2_mode", "favordynmods", "nsdelegate", "memory_recursiveprot", "memory_localevents");

    private final Path procfs;
    private final Path sysfs;

    /**
     * @param procfs the procfs root, {@code /proc} on a live host
     * @param sysfs  the sysfs root, {@code /sys} on a live host
     */
    public CgroupFsProber(Path procfs, Path sysfs) {
        this.procfs = procfs;
        this.sysfs = sysfs;
    }

    /** A prober for the live host ({@code /proc}, {@code /sys}). @return the prober */
    public static CgroupFsProber host() {
        return new CgroupFsProber(Path.of("/proc"), Path.of("/sys"));
    }

    /**
     * Probes. Never throws: when nothing usable is found the layout is {@link Layout#NONE} and
     * {@link CgroupFsProbe#unusableReason()} says why; partial problems (a hierarchy whose mount point is missing)
     * are kept in the reason too.
     *
     * @return the probe
     */
    public CgroupFsProbe probe() {
        Path mountinfoFile = procfs.resolve("self/mountinfo");
        List<MountinfoFormat.Mount> mounts;
        try {
            mounts = MountinfoFormat.parse(read(mountinfoFile));
        } catch (IOException e) {
            return none("cannot read " + mountinfoFile + ": " + e.getMessage());
        } catch (MalformedContentException e) {
            return none("malformed " + mountinfoFile + ": " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        Set<String> known = knownControllers(problems);
        Map<String, Path> v1 = new LinkedHashMap<>();
        Map<String, String> roots = new LinkedHashMap<>();
        Optional<Path> unified = Optional.empty();
        for (MountinfoFormat.Mount m : mounts) {
            if (m.fsType().equals("cgroup2") && unified.isEmpty()) {
                Path p = reroot(m.mountPoint());
                if (Files.isDirectory(p)) {
                    unified = Optional.of(p);
                    roots.put(CgroupFsProbe.UNIFIED_KEY, m.root());
                } else {
                    problems.add("cgroup2 mount point " + p + " does not exist");
                }
            } else if (m.fsType().equals("cgroup")) {
                Path p = reroot(m.mountPoint());
                if (!Files.isDirectory(p)) {
                    problems.add("cgroup mount point " + p + " does not exist");
                    continue;
                }
                for (String opt : m.superOptions()) {
                    if (isController(opt, known) && !v1.containsKey(opt)) {
                        v1.put(opt, p);
                        roots.put(opt, m.root());
                    }
                }
            }
        }
        boolean anyV1Controller = v1.keySet().stream().anyMatch(c -> !c.startsWith("name="));
        Layout layout = anyV1Controller ? (unified.isPresent() ? Layout.HYBRID : Layout.V1)
                : unified.isPresent() ? Layout.V2 : Layout.NONE;
        if (layout == Layout.NONE) {
            problems.add(0, "no cgroup or cgroup2 filesystem mounted (" + mountinfoFile + ")");
        }
        Set<String> unifiedControllers = unified.map(this::controllersOf).orElse(Set.of());
        Optional<String> reason = problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
        return new CgroupFsProbe(layout, v1, unified, unifiedControllers, reason, procfs, sysfs, roots);
    }

    private Set<String> knownControllers(List<String> problems) {
        Path f = procfs.resolve("cgroups");
        Set<String> out = new LinkedHashSet<>();
        try {
            for (ProcCgroupsFormat.Controller c : ProcCgroupsFormat.parse(read(f))) {
                if (c.enabled()) {
                    out.add(c.name());
                }
            }
        } catch (IOException | MalformedContentException e) {
            // Without /proc/cgroups (some sandboxes hide it) fall back to "every option that is not a mount flag".
            problems.add("cannot use " + f + " (" + e.getMessage() + "), controllers taken from mount options");
        }
        return out;
    }

    private static boolean isController(String option, Set<String> known) {
        if (option.startsWith("name=")) {
            return true;
        }
        if (!known.isEmpty()) {
            return known.contains(option);
        }
        return !option.isEmpty() && !option.contains("=") && !MOUNT_OPTIONS.contains(option);
    }

    private Set<String> controllersOf(Path unifiedMount) {
        try {
            return new LinkedHashSet<>(ListFormat.parseWords(read(unifiedMount.resolve("cgroup.controllers"))));
        } catch (IOException e) {
            return Set.of();
        }
    }

    /** Maps a mount point of the probed host into this prober's sysfs tree. */
    Path reroot(String mountPoint) {
        if (mountPoint.equals("/sys") || mountPoint.startsWith("/sys/")) {
            return mountPoint.length() <= 5 ? sysfs : sysfs.resolve(mountPoint.substring(5));
        }
        Path base = sysfs.toAbsolutePath().getParent();
        return base == null ? Path.of(mountPoint) : base.resolve(mountPoint.substring(1));
    }

    private CgroupFsProbe none(String reason) {
        return new CgroupFsProbe(Layout.NONE, Map.of(), Optional.empty(), Set.of(), Optional.of(reason), procfs,
                sysfs, Map.of());
    }

    private static String read(Path p) throws IOException {
        return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
    }
}
