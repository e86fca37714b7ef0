package dev.berth.cgroupctl;

import dev.berth.cgroupctl.kernfs.CgroupPaths;
import dev.berth.cgroupctl.v1.V1CgroupFs;
import dev.berth.cgroupctl.v2.V2CgroupFs;
import java.util.List;

/**
 * The cgroup filesystems of one host, as described by a {@link CgroupFsProbe}. {@link #open(CgroupFsProbe)} is the
 * one place that picks the v1, v2 or hybrid implementation; nothing else branches on the layout.
 *
 * <p>Implementations hold only the probe and paths: immutable and safe to share between threads.
 */
public interface CgroupFs {

    /**
     * Opens the cgroup filesystems a probe found.
     *
     * @param probe the result of {@link CgroupFsProber#probe()}
     * @return the implementation for the probe's layout
     * @throws NotCgroupFsException when the layout is {@link Layout#NONE} (the message is the probe's reason)
     */
    static CgroupFs open(CgroupFsProbe probe) throws NotCgroupFsException {
        return switch (probe.layout()) {
            case V2 -> V2CgroupFs.open(probe);
            case V1, HYBRID -> V1CgroupFs.open(probe);
            case NONE -> throw new NotCgroupFsException(probe.sysfs(),
                    probe.unusableReason().orElse("no cgroup filesystem found"));
        };
    }

    /** @return the probe this was opened with */
    CgroupFsProbe probe();

    /**
     * @param path a cgroup path relative to the hierarchy roots, e.g. {@code /docker/abc}; "." and ".." are
     *             normalised
     * @return the cgroup (which need not exist)
     * @throws IllegalArgumentException if the path escapes the hierarchy root after normalisation
     */
    Cgroup cgroup(String path);

    /**
     * The cgroup at {@code path}, keeping the files it reads every tick open (within a budget of most of this process's
     * descriptor limit, shared by every open cgroup of this filesystem) until closed. Which hierarchies the cgroup
     * is in and which optional files it has are looked up once, so open it again when its membership changes.
     *
     * @param path a "/"-rooted cgroup path
     * @return the open cgroup; close it when done
     */
    OpenCgroup openCgroup(String path);

    /**
     * Lists every cgroup in any hierarchy.
     *
     * @return paths, sorted, {@code /} first
     * @throws CgroupException if a hierarchy cannot be walked
     */
    List<String> listCgroups() throws CgroupException;

    /**
     * Reads {@code <procfs>/<pid>/cgroup}.
     *
     * @param pid the process
     * @return its cgroups
     * @throws CgroupException {@link CgroupGoneException} when the process has exited, or a malformed file
     */
    ProcCgroup readProcCgroup(long pid) throws CgroupException;

    /**
     * The cgroup a process is in: its {@link ProcCgroup#primaryPath()}, translated from the kernel's path to one
     * below this host's mount point when the mount shows only part of the hierarchy (a container without a cgroup
     * namespace sees {@code /docker/<id>} in {@code /proc/self/cgroup} but mounts that cgroup at its root).
     *
     * @param procCgroup from {@link #readProcCgroup(long)}
     * @return the cgroup (which need not exist)
     */
    default Cgroup cgroupOf(ProcCgroup procCgroup) {
        String key = procCgroup.controllerPath("memory").isPresent() && probe().v1Mounts().containsKey("memory")
                ? "memory" : CgroupFsProbe.UNIFIED_KEY;
        return cgroup(CgroupPaths.belowMountRoot(procCgroup.primaryPath(), probe().mountRoot(key)));
    }

    /**
     * Creates a cgroup in every hierarchy, with its missing parents ({@code mkdir -p}). On v1 the new cpuset
     * cgroups get their parent's {@code cpuset.cpus}/{@code cpuset.mems}, without which no process could join.
     *
     * @param path the cgroup path
     * @return the cgroup
     * @throws CgroupException if a directory cannot be created
     */
    Cgroup create(String path) throws CgroupException;

    /**
     * Removes a cgroup and its children from every hierarchy, deepest first. Waits for each to become empty and
     * retries {@code rmdir} while the kernel answers EBUSY (a killed process may still be exiting); a missing
     * cgroup is not an error.
     *
     * @param path the cgroup path; the root cannot be removed
     * @throws CgroupException if a cgroup is still busy after the retries
     */
    void remove(String path) throws CgroupException;
}
