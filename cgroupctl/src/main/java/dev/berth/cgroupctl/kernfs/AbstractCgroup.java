package dev.berth.cgroupctl.kernfs;

import dev.berth.cgroupctl.Cgroup;
import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.CpuMax;
import dev.berth.cgroupctl.CpuWeight;
import dev.berth.cgroupctl.IoLimit;
import dev.berth.cgroupctl.Limit;
import dev.berth.cgroupctl.Resources;

/**
 * The writers of {@link Cgroup} that are the same for every version: {@link #apply} and each single writer validate
 * like {@link ResourceApplier} and run as one {@link ResourceWriter#transact transaction} over the version's journaled
 * {@link ResourceWriter} methods, so a refused write leaves nothing half-applied. Subclasses say where the files are.
 */
public abstract class AbstractCgroup implements Cgroup, ResourceWriter {
    /** For the version's cgroup classes. */
    protected AbstractCgroup() {
    }

    @Override
    public final void apply(Resources resources) throws CgroupException {
        ResourceApplier.apply(this, resources);
    }

    @Override
    public final void writeCpuMax(CpuMax v) throws CgroupException {
        ResourceApplier.checkCpuMax(v);
        ResourceWriter.transact(j -> writeCpuMax(v, j));
    }

    @Override
    public final void writeCpuWeight(long weight) throws CgroupException {
        new CpuWeight(weight);
        ResourceWriter.transact(j -> writeCpuWeight(weight, j));
    }

    @Override
    public final void writeCpuset(String cpus, String mems) throws CgroupException {
        ResourceApplier.apply(this, Resources.none().withCpusetCpus(cpus).withCpusetMems(mems));
    }

    @Override
    public final void writeMemoryMax(Limit max) throws CgroupException {
        ResourceWriter.transact(j -> writeMemoryMax(max, j));
    }

    @Override
    public final void writeMemoryHigh(Limit high) throws CgroupException {
        ResourceWriter.transact(j -> writeMemoryHigh(high, j));
    }

    @Override
    public final void writeMemorySwapMax(Limit swapMax) throws CgroupException {
        ResourceWriter.transact(j -> writeMemorySwapMax(swapMax, j));
    }

    @Override
    public final void writePidsMax(Limit max) throws CgroupException {
        ResourceWriter.transact(j -> writePidsMax(max, j));
    }

    @Override
    public final void writeIoLimit(IoLimit limit) throws CgroupException {
        ResourceWriter.transact(j -> writeIoLimit(limit, j));
    }
}
