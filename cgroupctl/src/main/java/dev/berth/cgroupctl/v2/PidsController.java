package dev.berth.cgroupctl.v2;

import dev.berth.cgroupctl.kernfs.CgroupDir;
import dev.berth.cgroupctl.kernfs.PidsFiles;

/** The v2 pids controller: {@code pids.current}, {@code pids.max} ({@code max} or a count). */
public final class PidsController extends PidsFiles {
    /** @param dir the cgroup's directory */
    public PidsController(CgroupDir dir) {
        super(dir);
    }
}
