package dev.berth.tui.action;

import dev.berth.cgroupctl.Cgroup;
import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.ControllerUnavailableException;
import dev.berth.tui.view.LimitsView;
import java.util.List;
import java.util.Optional;

/**
 * Reads a cgroup's current limits in the limit form's syntax: for the form's starting values and
 * the detail view. A limit whose controller is not there for this cgroup is empty.
 */
public final class CgroupLimitsReader {
    private final CgroupFs fs;

    /** Reads through {@code fs}. */
    public CgroupLimitsReader(CgroupFs fs) {
        this.fs = fs;
    }

    /**
     * Reads {@code cpu.max}, {@code cpu.weight}, {@code cpuset.*}, {@code memory.max}/{@code high},
     * {@code pids.max} and {@code io.max} (or their v1 equivalents) of {@code cgroupPath}.
     *
     * @throws CgroupException when the cgroup vanished or a file is malformed
     */
    public LimitsView read(String cgroupPath) throws CgroupException {
        Cgroup cg = fs.cgroup(cgroupPath);
        Optional<String> quota = optional(() -> LimitText.cores(cg.readCpuMax()));
        Optional<String> weight = optional(() -> Long.toString(cg.readCpuWeight().weight()));
        Optional<String> cpus = optional(() -> cg.readCpuset().cpus());
        Optional<String> mems = optional(() -> cg.readCpuset().mems());
        Optional<String> memMax = optional(() -> LimitText.bytes(cg.readMemory().maxBytes()));
        Optional<String> memHigh = optional(() -> LimitText.bytes(cg.readMemory().highBytes()));
        Optional<String> pids = optional(() -> LimitText.count(cg.readPids().max()));
        List<String> io = optional(() -> LimitText.io(cg.readIoLimits())).orElse(List.of());
        return new LimitsView(quota, weight, cpus, mems, memMax, memHigh, pids, io);
    }

    /** A read that may be unavailable for this cgroup (controller absent). */
    private interface Read<T> {
        T get() throws CgroupException;
    }

    private static <T> Optional<T> optional(Read<T> r) throws CgroupException {
        try {
            return Optional.of(r.get());
        } catch (ControllerUnavailableException e) {
            return Optional.empty();
        }
    }
}
