package dev.berth.cgroupctl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A set of limit changes for {@link Cgroup#apply(Resources)}; empty fields are left as they are.
 *
 * @param cpuMax        CPU quota and period
 * @param cpuWeight     CPU weight 1..10000 (v1: converted to shares, see {@link CpuWeight#toShares()})
 * @param cpusetCpus    CPU list, e.g. {@code 0-1}
 * @param cpusetMems    memory node list, e.g. {@code 0}
 * @param memoryMax     hard memory limit. Units: bytes
 * @param memoryHigh    memory throttling limit (v2 only). Units: bytes
 * @param memorySwapMax swap limit. Units: bytes
 * @param pidsMax       process limit
 * @param io            block IO throttles
 */
public record Resources(Optional<CpuMax> cpuMax, Optional<Long> cpuWeight, Optional<String> cpusetCpus,
                        Optional<String> cpusetMems, Optional<Limit> memoryMax, Optional<Limit> memoryHigh,
                        Optional<Limit> memorySwapMax, Optional<Limit> pidsMax, List<IoLimit> io) {

    /** Copies the list. */
    public Resources {
        io = List.copyOf(io);
    }

    /** @return a change that changes nothing; add fields with the {@code with*} methods */
    public static Resources none() {
        return new Resources(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    /** @return a copy with {@code cpuMax} set */
    public Resources withCpuMax(CpuMax v) {
        return new Resources(Optional.of(v), cpuWeight, cpusetCpus, cpusetMems, memoryMax, memoryHigh,
                memorySwapMax, pidsMax, io);
    }

    /** @return a copy with {@code cpuWeight} set */
    public Resources withCpuWeight(long v) {
        return new Resources(cpuMax, Optional.of(v), cpusetCpus, cpusetMems, memoryMax, memoryHigh,
                memorySwapMax, pidsMax, io);
    }

    /** @return a copy with {@code cpusetCpus} set */
    public Resources withCpusetCpus(String v) {
        return new Resources(cpuMax, cpuWeight, Optional.of(v), cpusetMems, memoryMax, memoryHigh,
                memorySwapMax, pidsMax, io);
    }

    /** @return a copy with {@code cpusetMems} set */
    public Resources withCpusetMems(String v) {
        return new Resources(cpuMax, cpuWeight, cpusetCpus, Optional.of(v), memoryMax, memoryHigh,
                memorySwapMax, pidsMax, io);
    }

    /** @return a copy with {@code memoryMax} set */
    public Resources withMemoryMax(Limit v) {
        return new Resources(cpuMax, cpuWeight, cpusetCpus, cpusetMems, Optional.of(v), memoryHigh,
                memorySwapMax, pidsMax, io);
    }

    /** @return a copy with {@code memoryHigh} set */
    public Resources withMemoryHigh(Limit v) {
        return new Resources(cpuMax, cpuWeight, cpusetCpus, cpusetMems, memoryMax, Optional.of(v),
                memorySwapMax, pidsMax, io);
    }

    /** @return a copy with {@code memorySwapMax} set */
    public Resources withMemorySwapMax(Limit v) {
        return new Resources(cpuMax, cpuWeight, cpusetCpus, cpusetMems, memoryMax, memoryHigh,
                Optional.of(v), pidsMax, io);
    }

    /** @return a copy with {@code pidsMax} set */
    public Resources withPidsMax(Limit v) {
        return new Resources(cpuMax, cpuWeight, cpusetCpus, cpusetMems, memoryMax, memoryHigh,
                memorySwapMax, Optional.of(v), io);
    }

    /** @return a copy with one more IO throttle */
    public Resources withIoLimit(IoLimit v) {
        List<IoLimit> l = new ArrayList<>(io);
        l.add(v);
        return new Resources(cpuMax, cpuWeight, cpusetCpus, cpusetMems, memoryMax, memoryHigh,
                memorySwapMax, pidsMax, l);
    }

    /** @return true when no field is set */
    public boolean isEmpty() {
        return this.equals(none());
    }
}
