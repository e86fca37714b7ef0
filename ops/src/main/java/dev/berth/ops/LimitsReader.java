package dev.berth.ops;

import dev.berth.cgroupctl.Cgroup;
import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.CgroupGoneException;
import dev.berth.cgroupctl.ControllerUnavailableException;
import dev.berth.cgroupctl.CpuMax;
import dev.berth.cgroupctl.IoLimit;
import dev.berth.cgroupctl.Limit;
import dev.berth.runtime.limits.ByteSize;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a cgroup's current limits in {@code berth set}'s syntax ({@link CurrentLimits}): for the console's limit
 * form and detail view, and for the "before" of an audit event.
 *
 * <p>A limit is empty when its controller is not there for this cgroup: on v2 the controller is not enabled
 * ({@link ControllerUnavailableException}); on v1 the cgroup may exist in some hierarchies and not in others
 * (a {@code systemd} unit is created in {@code memory} but not in {@code cpuset}, for example), which cgroupctl
 * reports as {@link CgroupGoneException} for that hierarchy's file: that one limit is unavailable, not all.
 */
public final class LimitsReader {
    private static final Map<IoLimit.Kind, String> IO_KEYS = Map.of(IoLimit.Kind.READ_BPS, "rbps",
            IoLimit.Kind.WRITE_BPS, "wbps", IoLimit.Kind.READ_IOPS, "riops", IoLimit.Kind.WRITE_IOPS, "wiops");

    private final CgroupFs fs;

    /** Reads through {@code fs}. */
    public LimitsReader(CgroupFs fs) {
        this.fs = fs;
    }

    /**
     * Reads {@code cpu.max}, {@code cpu.weight}, {@code cpuset.*}, {@code memory.max}/{@code high},
     * {@code pids.max} and {@code io.max} (or their v1 equivalents) of {@code cgroupPath}.
     *
     * @throws CgroupException when a file is malformed or unreadable
     */
    public CurrentLimits read(String cgroupPath) throws CgroupException {
        Cgroup cg = fs.cgroup(cgroupPath);
        Optional<String> quota = optional(() -> cores(cg.readCpuMax()));
        Optional<String> weight = optional(() -> Long.toString(cg.readCpuWeight().weight()));
        Optional<String> cpus = optional(() -> cg.readCpuset().cpus());
        Optional<String> mems = optional(() -> cg.readCpuset().mems());
        Optional<String> memMax = optional(() -> ByteSize.format(cg.readMemory().maxBytes()));
        Optional<String> memHigh = optional(() -> ByteSize.format(cg.readMemory().highBytes()));
        Optional<String> pids = optional(() -> cg.readPids().max().toString());
        List<String> io = optional(() -> io(cg.readIoLimits())).orElse(List.of());
        return new CurrentLimits(quota, weight, cpus, mems, memMax, memHigh, pids, io);
    }

    /** A read that may be unavailable for this cgroup. */
    private interface Read<T> {
        T get() throws CgroupException;
    }

    private static <T> Optional<T> optional(Read<T> r) throws CgroupException {
        try {
            return Optional.of(r.get());
        } catch (ControllerUnavailableException | CgroupGoneException e) {
            return Optional.empty();
        }
    }

    /** A CPU quota in cores ({@code 0.5}, {@code 2}, {@code max}). Package-private for testing. */
    static String cores(CpuMax max) {
        if (max.quotaUsec().isUnlimited() || max.periodUsec() <= 0) {
            return "max";
        }
        BigDecimal c = BigDecimal.valueOf(max.quotaUsec().value().getAsLong())
                .divide(BigDecimal.valueOf(max.periodUsec()), 3, RoundingMode.HALF_UP).stripTrailingZeros();
        return c.toPlainString();
    }

    /** IO limits, one entry per device, in device order ({@code 8:0 rbps=1M wiops=100}). Package-private for testing. */
    static List<String> io(List<IoLimit> limits) {
        Map<String, StringBuilder> byDev = new LinkedHashMap<>();
        for (IoLimit l : limits) {
            if (l.value().isUnlimited()) {
                continue;
            }
            boolean bps = l.kind() == IoLimit.Kind.READ_BPS || l.kind() == IoLimit.Kind.WRITE_BPS;
            long v = l.value().value().getAsLong();
            byDev.computeIfAbsent(l.major() + ":" + l.minor(), StringBuilder::new)
                    .append(' ').append(IO_KEYS.get(l.kind())).append('=')
                    .append(bps ? ByteSize.format(v) : Long.toString(v));
        }
        return byDev.values().stream().map(StringBuilder::toString).toList();
    }

    /** A byte limit ({@code 512M}, {@code max}). */
    static String bytes(Limit l) {
        return ByteSize.format(l);
    }
}
