package dev.berth.cgroupctl.v1;

import dev.berth.cgroupctl.kernfs.CgroupDir;
import dev.berth.cgroupctl.kernfs.PidsFiles;

/** The v1 pids controller: {@code pids.current}, {@code pids.max} (same format as v2; not in the root cgroup). */
public final class PidsController extends PidsFiles {
    /** @param dir the cgroup's directory in the pids hierarchy */
    public PidsController(CgroupDir dir) {
        super(dir);
    }
}
