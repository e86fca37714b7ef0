package dev.berth.cgroupctl.kernfs;

import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.CpuMax;
import dev.berth.cgroupctl.CpuWeight;
import dev.berth.cgroupctl.IoLimit;
import dev.berth.cgroupctl.Resources;
import dev.berth.cgroupctl.format.MalformedContentException;
import dev.berth.cgroupctl.format.RangeListFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Validates a {@link Resources} change as a list of small named checks (after runc's
 * {@code libcontainer/configs/validate}), then writes it in a fixed order with rollback on failure.
 */
public final class ResourceApplier {
    private ResourceApplier() {
    }

    /** One named check; throws {@link IllegalArgumentException} naming the value and what is accepted. */
    private interface Check {
        void check(Resources r);
    }

    private static final List<Check> CHECKS = List.of(
            ResourceApplier::cpuMaxCheck,
            ResourceApplier::cpuWeightCheck,
            ResourceApplier::cpusetCheck,
            ResourceApplier::ioCheck);

    /**
     * @param r the change
     * @throws IllegalArgumentException for the first invalid value
     */
    public static void validate(Resources r) {
        for (Check c : CHECKS) {
            c.check(r);
        }
    }

    /**
     * Validates, then writes in the order cpu weight, cpu max, cpuset, pids, io, memory high, memory max, swap: the
     * cheap writes the kernel rarely refuses first, the memory limits last, because lowering them makes the kernel
     * reclaim (slow) and is the change it refuses most often (v1: EBUSY when usage cannot be reclaimed). Whatever
     * fails, everything written before it is restored.
     *
     * @param w the cgroup's journaled writer
     * @param r the change
     * @throws CgroupException the first write failure, after restoring what had been written
     */
    public static void apply(ResourceWriter w, Resources r) throws CgroupException {
        validate(r);
        ResourceWriter.transact(j -> {
            if (r.cpuWeight().isPresent()) {
                w.writeCpuWeight(r.cpuWeight().get(), j);
            }
            if (r.cpuMax().isPresent()) {
                w.writeCpuMax(r.cpuMax().get(), j);
            }
            if (r.cpusetMems().isPresent()) {
                w.writeCpusetMems(r.cpusetMems().get().strip(), j);
            }
            if (r.cpusetCpus().isPresent()) {
                w.writeCpusetCpus(r.cpusetCpus().get().strip(), j);
            }
            if (r.pidsMax().isPresent()) {
                w.writePidsMax(r.pidsMax().get(), j);
            }
            for (IoLimit io : r.io()) {
                w.writeIoLimit(io, j);
            }
            if (r.memoryHigh().isPresent()) {
                w.writeMemoryHigh(r.memoryHigh().get(), j);
            }
            if (r.memoryMax().isPresent()) {
                w.writeMemoryMax(r.memoryMax().get(), j);
            }
            if (r.memorySwapMax().isPresent()) {
                w.writeMemorySwapMax(r.memorySwapMax().get(), j);
            }
        });
    }

    /** @param v the CPU quota and period @throws IllegalArgumentException if out of the kernel's range */
    public static void checkCpuMax(CpuMax v) {
        if (v.periodUsec() < CpuMax.MIN_PERIOD_USEC || v.periodUsec() > CpuMax.MAX_PERIOD_USEC) {
            throw new IllegalArgumentException("invalid cpu period " + v.periodUsec()
                    + ": expected 1000..1000000 microseconds");
        }
        if (v.quotaUsec().value().orElse(Long.MAX_VALUE) < CpuMax.MIN_QUOTA_USEC) {
            throw new IllegalArgumentException("invalid cpu quota " + v.quotaUsec()
                    + ": expected at least 1000 microseconds or max");
        }
    }

    private static void cpuMaxCheck(Resources r) {
        r.cpuMax().ifPresent(ResourceApplier::checkCpuMax);
    }

    private static void cpuWeightCheck(Resources r) {
        r.cpuWeight().ifPresent(CpuWeight::new);
    }

    /** @param what cpus or mems @param list the list @throws IllegalArgumentException if not in list syntax */
    public static void checkCpusetList(String what, String list) {
        try {
            if (RangeListFormat.parse(list).isEmpty()) {
                throw new IllegalArgumentException("invalid cpuset " + what + " \"" + list
                        + "\": expected a non-empty list like 0-3,8");
            }
        } catch (MalformedContentException e) {
            throw new IllegalArgumentException("invalid cpuset " + what + " \"" + list
                    + "\": expected a list like 0-3,8", e);
        }
    }

    private static void cpusetCheck(Resources r) {
        r.cpusetCpus().ifPresent(c -> checkCpusetList("cpus", c));
        r.cpusetMems().ifPresent(m -> checkCpusetList("mems", m));
    }

    private static void ioCheck(Resources r) {
        Set<String> seen = new HashSet<>();
        for (IoLimit io : r.io()) {
            if (!seen.add(io.major() + ":" + io.minor() + " " + io.kind())) {
                throw new IllegalArgumentException("duplicate io limit " + io.kind() + " for device "
                        + io.major() + ":" + io.minor() + ": expected one value per device and kind");
            }
        }
    }
}
