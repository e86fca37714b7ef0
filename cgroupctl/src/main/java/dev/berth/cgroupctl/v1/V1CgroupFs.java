package dev.berth.cgroupctl.v1;

import dev.berth.cgroupctl.Cgroup;
import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.CgroupFsProbe;
import dev.berth.cgroupctl.NotCgroupFsException;
import dev.berth.cgroupctl.OpenCgroup;
import dev.berth.cgroupctl.kernfs.AbstractCgroupFs;
import dev.berth.cgroupctl.kernfs.CgroupDir;
import dev.berth.cgroupctl.kernfs.CgroupPaths;
import dev.berth.cgroupctl.kernfs.Hierarchy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A v1 host, or a hybrid host (v1 controllers plus a cgroup2 hierarchy with core files). Created by
 * {@link CgroupFs#open(CgroupFsProbe)}. Immutable.
 */
public final class V1CgroupFs extends AbstractCgroupFs {
    private final V1Hierarchies hierarchies;

    private V1CgroupFs(CgroupFsProbe probe, V1Hierarchies hierarchies) {
        super(probe);
        this.hierarchies = hierarchies;
    }

    /**
     * @param probe a v1 or hybrid probe
     * @return the filesystem
     * @throws NotCgroupFsException if the probe has no v1 mount
     */
    public static V1CgroupFs open(CgroupFsProbe probe) throws NotCgroupFsException {
        if (probe.v1Mounts().isEmpty()) {
            throw new NotCgroupFsException(probe.sysfs(), "no cgroup v1 mount");
        }
        // Co-mounted controllers (cpu,cpuacct) share one mount point and so one Hierarchy.
        Map<Path, List<String>> byMount = new LinkedHashMap<>();
        new TreeMap<>(probe.v1Mounts()).forEach((c, p) -> byMount.computeIfAbsent(p, k -> new ArrayList<>()).add(c));
        Map<String, Hierarchy> byController = new LinkedHashMap<>();
        List<Hierarchy> all = new ArrayList<>();
        byMount.forEach((mount, controllers) -> {
            Hierarchy h = new Hierarchy(String.join(",", controllers), mount);
            all.add(h);
            controllers.forEach(c -> byController.put(c, h));
        });
        return new V1CgroupFs(probe, new V1Hierarchies(byController, all,
                probe.unifiedMount().map(p -> new Hierarchy("unified", p)), probe.sysfs()));
    }

    @Override
    public Cgroup cgroup(String path) {
        return new V1Cgroup(hierarchies, CgroupPaths.normalize(path));
    }

    @Override
    public OpenCgroup openCgroup(String path) {
        return new V1Cgroup(hierarchies, CgroupPaths.normalize(path), fileBudget());
    }

    @Override
    public List<String> listCgroups() throws CgroupException {
        TreeSet<String> out = new TreeSet<>();
        for (Hierarchy h : everyHierarchy()) {
            out.addAll(h.listCgroups());
        }
        return new ArrayList<>(out);
    }

    private List<Hierarchy> everyHierarchy() {
        List<Hierarchy> out = new ArrayList<>(hierarchies.all());
        hierarchies.unified().ifPresent(out::add);
        return out;
    }

    @Override
    public Cgroup create(String path) throws CgroupException {
        String norm = CgroupPaths.normalize(path);
        Hierarchy cpuset = hierarchies.byController().get("cpuset");
        for (Hierarchy h : everyHierarchy()) {
            List<CgroupDir> created = h.mkdirs(norm);
            if (h == cpuset) {
                for (CgroupDir d : created) {
                    new CpusetController(d).inheritIfEmpty(new CgroupDir(d.path().getParent()));
                }
            }
        }
        return cgroup(norm);
    }

    @Override
    public void remove(String path) throws CgroupException {
        String norm = CgroupPaths.normalize(path);
        for (Hierarchy h : everyHierarchy()) {
            h.remove(norm, REMOVE_TIMEOUT);
        }
    }

    @Override
    public String toString() {
        return "cgroup v1 " + hierarchies.all() + hierarchies.unified().map(u -> " + " + u).orElse("");
    }
}
