package dev.berth.cgroupctl.kernfs;

import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.CgroupFsProbe;
import dev.berth.cgroupctl.ProcCgroup;
import java.time.Duration;

/** What every version's {@link CgroupFs} does alike: keep the probe, read {@code <procfs>/<pid>/cgroup}. */
public abstract class AbstractCgroupFs implements CgroupFs {
    /** How long {@link #remove(String)} waits for members to exit and EBUSY to clear, per hierarchy. */
    protected static final Duration REMOVE_TIMEOUT = Duration.ofSeconds(10);

    private final CgroupFsProbe probe;
    private FileBudget budget;

    /** @param probe the probe the filesystem was opened from */
    protected AbstractCgroupFs(CgroupFsProbe probe) {
        this.probe = probe;
    }

    @Override
    public final CgroupFsProbe probe() {
        return probe;
    }

    /** @return the descriptor budget shared by this filesystem's open cgroups, made on first use */
    protected final synchronized FileBudget fileBudget() {
        if (budget == null) {
            budget = FileBudget.forThisProcess();
        }
        return budget;
    }

    @Override
    public final ProcCgroup readProcCgroup(long pid) throws CgroupException {
        return ProcFiles.readProcCgroup(probe.procfs(), pid);
    }
}
