package dev.berth.cgroupctl.v2;

import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.Cpuset;
import dev.berth.cgroupctl.format.MalformedContentException;
import dev.berth.cgroupctl.format.RangeListFormat;
import dev.berth.cgroupctl.kernfs.CgroupDir;
import dev.berth.cgroupctl.kernfs.WriteJournal;

/**
 * The v2 cpuset controller: {@code cpuset.cpus}, {@code cpuset.mems}. An empty file means "the parent's set";
 * the reader then returns the {@code .effective} file, which is what the cgroup actually runs on.
 */
public final class CpusetController {
    private final CgroupDir dir;

    /** @param dir the cgroup's directory */
    public CpusetController(CgroupDir dir) {
        this.dir = dir;
    }

    /** Reads the cpuset. @return cpus and mems @throws CgroupException on failure */
    public Cpuset readCpuset() throws CgroupException {
        return new Cpuset(readList("cpuset.cpus"), readList("cpuset.mems"));
    }

    private String readList(String file) throws CgroupException {
        String v = dir.read(file, CpusetController::parseList);
        return v.isEmpty() ? dir.read(file + ".effective", CpusetController::parseList) : v;
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
}
