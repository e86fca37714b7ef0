package dev.berth.cgroupctl.kernfs;

import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.ProcCgroup;
import dev.berth.cgroupctl.format.ProcCgroupFormat;
import java.nio.file.Path;

/** Reads {@code <procfs>/<pid>/cgroup}; a process that exited is {@link dev.berth.cgroupctl.CgroupGoneException}. */
public final class ProcFiles {
    private ProcFiles() {
    }

    /**
     * @param procfs the procfs root
     * @param pid    the process
     * @return its cgroups
     * @throws CgroupException if the process is gone or the file is malformed
     */
    public static ProcCgroup readProcCgroup(Path procfs, long pid) throws CgroupException {
        if (pid <= 0) {
            throw new IllegalArgumentException("invalid pid " + pid + ": expected a positive process id");
        }
        return new CgroupDir(procfs.resolve(Long.toString(pid))).read("cgroup",
                c -> ProcCgroupFormat.parse(pid, c));
    }
}
