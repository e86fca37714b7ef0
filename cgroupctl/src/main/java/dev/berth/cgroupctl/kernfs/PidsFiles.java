package dev.berth.cgroupctl.kernfs;

import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.Limit;
import dev.berth.cgroupctl.PidsUsage;
import dev.berth.cgroupctl.format.SingleValueFormat;

/**
 * {@code pids.current} and {@code pids.max}, which v1 and v2 name and format alike ({@code max} or a count): the
 * body of {@code v1.PidsController} and {@code v2.PidsController}.
 */
public abstract class PidsFiles {
    private final CgroupDir dir;

    /** @param dir the cgroup's directory in the hierarchy that has the pids controller */
    protected PidsFiles(CgroupDir dir) {
        this.dir = dir;
    }

    /** Reads current and max. @return the usage @throws CgroupException on failure */
    public final PidsUsage readPids() throws CgroupException {
        return new PidsUsage(dir.read("pids.current", SingleValueFormat::parseUnsigned),
                dir.read("pids.max", SingleValueFormat::parseLimit));
    }

    /** Reads {@code pids.max} alone. @return the limit @throws CgroupException on failure */
    public final Limit readPidsMax() throws CgroupException {
        return dir.read("pids.max", SingleValueFormat::parseLimit);
    }

    /** Reads {@code pids.current} alone. @return the number of tasks @throws CgroupException on failure */
    public final long readPidsCurrent() throws CgroupException {
        return dir.readBytes("pids.current", SingleValueFormat::parseUnsigned);
    }

    /** Writes {@code pids.max}. @throws CgroupException if refused */
    public final void writePidsMax(Limit v, WriteJournal j) throws CgroupException {
        dir.write("pids.max", v.toString(), j);
    }
}
