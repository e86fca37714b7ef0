package dev.berth.cgroupctl.kernfs;

import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.CpuMax;
import dev.berth.cgroupctl.IoLimit;
import dev.berth.cgroupctl.Limit;

/**
 * The journaled writes a {@link dev.berth.cgroupctl.Cgroup} implementation offers to {@link ResourceApplier}. Each
 * method validates nothing (the applier did) and records old values in the journal before writing.
 */
public interface ResourceWriter {
    /** Writes the CPU quota. @throws CgroupException if the kernel refuses */
    void writeCpuMax(CpuMax v, WriteJournal j) throws CgroupException;

    /** Writes the CPU weight (1..10000). @throws CgroupException if the kernel refuses */
    void writeCpuWeight(long weight, WriteJournal j) throws CgroupException;

    /** Writes {@code cpuset.cpus}. @throws CgroupException if the kernel refuses */
    void writeCpusetCpus(String cpus, WriteJournal j) throws CgroupException;

    /** Writes {@code cpuset.mems}. @throws CgroupException if the kernel refuses */
    void writeCpusetMems(String mems, WriteJournal j) throws CgroupException;

    /** Writes the hard memory limit. @throws CgroupException if the kernel refuses */
    void writeMemoryMax(Limit v, WriteJournal j) throws CgroupException;

    /** Writes the memory throttling limit. @throws CgroupException if the kernel refuses */
    void writeMemoryHigh(Limit v, WriteJournal j) throws CgroupException;

    /** Writes the swap limit. @throws CgroupException if the kernel refuses */
    void writeMemorySwapMax(Limit v, WriteJournal j) throws CgroupException;

    /** Writes {@code pids.max}. @throws CgroupException if the kernel refuses */
    void writePidsMax(Limit v, WriteJournal j) throws CgroupException;

    /** Writes one IO throttle. @throws CgroupException if the kernel refuses */
    void writeIoLimit(IoLimit v, WriteJournal j) throws CgroupException;

    /**
     * One journaled change.
     */
    @FunctionalInterface
    interface Change {
        /** @throws CgroupException if a write fails */
        void run(WriteJournal j) throws CgroupException;
    }

    /**
     * Runs one change as a unit: if it fails, whatever it had written is restored.
     *
     * @param change the writes
     * @throws CgroupException the first failure, with restore failures suppressed
     */
    static void transact(Change change) throws CgroupException {
        WriteJournal j = new WriteJournal();
        try {
            change.run(j);
        } catch (CgroupException e) {
            j.rollback(e);
            throw e;
        }
    }
}
