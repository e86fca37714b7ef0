package dev.berth.cgroupctl.v2;

import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.Limit;
import dev.berth.cgroupctl.PidsUsage;
import dev.berth.cgroupctl.format.SingleValueFormat;
import dev.berth.cgroupctl.kernfs.CgroupDir;
import dev.berth.cgroupctl.kernfs.WriteJournal;

/** The v2 pids controller: {@code pids.current}, {@code pids.max} ({@code max} or a count). */
public final class PidsController {
    private final CgroupDir dir;

    /** @param dir the cgroup's directory */
    public PidsController(CgroupDir dir) {
        this.dir = dir;
    }

    /** Reads current and max. @return the usage @throws CgroupException on failure */
    public PidsUsage readPids() throws CgroupException {
        return new PidsUsage(dir.read("pids.current", SingleValueFormat::parseUnsigned),
                dir.read("pids.max", SingleValueFormat::parseLimit));
    }

    /** Writes {@code pids.max}. @throws CgroupException if refused */
    public void writePidsMax(Limit v, WriteJournal j) throws CgroupException {
        dir.write("pids.max", v.toString(), j);
    }
}
