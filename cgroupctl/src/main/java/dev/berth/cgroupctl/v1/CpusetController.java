package dev.berth.cgroupctl.v1;

import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.Cpuset;
import dev.berth.cgroupctl.format.MalformedContentException;
import dev.berth.cgroupctl.format.RangeListFormat;
import dev.berth.cgroupctl.kernfs.CgroupDir;
import dev.berth.cgroupctl.kernfs.WriteJournal;

/**
 * The v1 cpuset controller: {@code cpuset.cpus}, {@code cpuset.mems}. Unlike v2, a new v1 cpuset cgroup starts with
 * both empty and refuses processes until they are set ({@link V1CgroupFs#create} copies the parent's).
 */
public final class CpusetController {
    private final CgroupDir dir;

    /** @param dir the cgroup's directory in the cpuset hierarchy */
    public CpusetController(CgroupDir dir) {
        this.dir = dir;
    }

    /** Reads the cpuset. @return cpus and mems @throws CgroupException on failure */
    public Cpuset readCpuset() throws CgroupException {
        return new Cpuset(dir.read("cpuset.cpus", CpusetController::parseList),
                dir.read("cpuset.mems", CpusetController::parseList));
    }

    /** Checks the kernel's list syntax; returns the list as written. */
    static String parseList(String content) throws MalformedContentException {
        RangeListFormat.parse(content);
        return content.strip();
    }

    /** Writes {@code cpuset.cpus}. @throws CgroupException if refused */
    public void writeCpus(String cpus, WriteJournal j) throws CgroupException {
        dir.write("cpuset.cpus", cpus, j);
    }

    /** Writes {@code cpuset.mems}. @throws CgroupException if refused */
    public void writeMems(String mems, WriteJournal j) throws CgroupException {
        dir.write("cpuset.mems", mems, j);
    }

    /**
     * Copies the parent's {@code cpuset.cpus}/{@code cpuset.mems} into this cgroup when empty, without which the
     * kernel refuses to add a process (ENOSPC).
     *
     * @param parent the parent's directory
     * @throws CgroupException if a write fails
     */
    public void inheritIfEmpty(CgroupDir parent) throws CgroupException {
        for (String f : new String[] {"cpuset.cpus", "cpuset.mems"}) {
            // The kernel creates both files with the directory; only a fixture tree lacks them.
            if (dir.has(f) && dir.readString(f).isBlank()) {
                dir.write(f, parent.readString(f).strip());
            }
        }
    }
}
