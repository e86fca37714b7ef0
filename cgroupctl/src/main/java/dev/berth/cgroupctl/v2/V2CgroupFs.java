package dev.berth.cgroupctl.v2;

import dev.berth.cgroupctl.Cgroup;
import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.CgroupFsProbe;
import dev.berth.cgroupctl.NotCgroupFsException;
import dev.berth.cgroupctl.OpenCgroup;
import dev.berth.cgroupctl.format.ListFormat;
import dev.berth.cgroupctl.kernfs.AbstractCgroupFs;
import dev.berth.cgroupctl.kernfs.CgroupDir;
import dev.berth.cgroupctl.kernfs.CgroupPaths;
import dev.berth.cgroupctl.kernfs.Hierarchy;
import java.util.List;

/** A pure cgroup2 host: one hierarchy. Created by {@link CgroupFs#open(CgroupFsProbe)}. Immutable. */
public final class V2CgroupFs extends AbstractCgroupFs {
    private final Hierarchy hierarchy;

    private V2CgroupFs(CgroupFsProbe probe, Hierarchy hierarchy) {
        super(probe);
        this.hierarchy = hierarchy;
    }

    /**
     * @param probe a probe with a cgroup2 mount
     * @return the filesystem
     * @throws NotCgroupFsException if the probe has no cgroup2 mount
     */
    public static V2CgroupFs open(CgroupFsProbe probe) throws NotCgroupFsException {
        return new V2CgroupFs(probe, new Hierarchy("unified", probe.unifiedMount()
                .orElseThrow(() -> new NotCgroupFsException(probe.sysfs(), "no cgroup2 mount"))));
    }

    @Override
    public Cgroup cgroup(String path) {
        return new V2Cgroup(hierarchy, CgroupPaths.normalize(path));
    }

    @Override
    public OpenCgroup openCgroup(String path) {
        return new V2Cgroup(hierarchy, CgroupPaths.normalize(path), fileBudget());
    }

    @Override
    public List<String> listCgroups() throws CgroupException {
        return hierarchy.listCgroups().stream().sorted().toList();
    }

    /**
     * Creates the cgroup and, as runc's fs2 manager does, enables in each of its ancestors, from the root of the
     * visible hierarchy down, every controller that ancestor has, so the new cgroup gets cpu, memory, io and pids
     * files (also below a parent made before a controller was delegated). What cannot be enabled (an ancestor
     * that holds processes, a controller not delegated) is left out; reading or writing its files then says so.
     */
    @Override
    public Cgroup create(String path) throws CgroupException {
        String norm = CgroupPaths.normalize(path);
        hierarchy.mkdirs(norm);
        StringBuilder ancestor = new StringBuilder();
        enableControllers(hierarchy.dir("/"));
        String[] segments = norm.substring(1).split("/");
        for (int i = 0; i < segments.length - 1; i++) {
            ancestor.append('/').append(segments[i]);
            enableControllers(hierarchy.dir(ancestor.toString()));
        }
        return cgroup(norm);
    }

    private static void enableControllers(CgroupDir parent) throws CgroupException {
        if (!parent.has("cgroup.controllers") || !parent.has("cgroup.subtree_control")) {
            return;
        }
        List<String> available = parent.read("cgroup.controllers", ListFormat::parseWords);
        List<String> enabled = parent.read("cgroup.subtree_control", ListFormat::parseWords);
        for (String c : available) {
            if (!enabled.contains(c)) {
                try {
                    parent.write("cgroup.subtree_control", "+" + c);
                } catch (dev.berth.cgroupctl.CgroupWriteException e) {
                    // EBUSY: the parent holds processes itself ("no internal processes" rule) or the controller is
                    // in use elsewhere. The cgroup still works; the controller's files are just absent, which
                    // readers report as ControllerUnavailableException.
                }
            }
        }
    }

    @Override
    public void remove(String path) throws CgroupException {
        hierarchy.remove(CgroupPaths.normalize(path), REMOVE_TIMEOUT);
    }

    @Override
    public String toString() {
        return "cgroup2 at " + hierarchy.mountPoint();
    }
}
