package dev.berth.collectors;

import dev.berth.cgroupctl.Cgroup;
import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.CgroupGoneException;
import dev.berth.cgroupctl.ControllerUnavailableException;
import dev.berth.cgroupctl.CpuMax;
import dev.berth.cgroupctl.CpuThrottling;
import dev.berth.cgroupctl.CpuUsage;
import dev.berth.cgroupctl.FreezerState;
import dev.berth.cgroupctl.IoDeviceStat;
import dev.berth.cgroupctl.IoStat;
import dev.berth.cgroupctl.MemoryEvents;
import dev.berth.cgroupctl.MemoryStat;
import dev.berth.cgroupctl.MemoryUsage;
import dev.berth.cgroupctl.PidsUsage;
import dev.berth.cgroupctl.Pressure;
import dev.berth.cgroupctl.PressureResource;
import dev.berth.collectors.proc.BlockDevices;
import dev.berth.collectors.proc.NetDevCounters;
import dev.berth.collectors.proc.ProcParseException;
import dev.berth.collectors.proc.ProcParsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Reads the raw counters of one container through cgroupctl, plus its namespace's {@code net/dev}.
 *
 * <p>Failure policy, per value: a controller that is not there ({@link ControllerUnavailableException}: the cgroup
 * is not in the memory hierarchy, PSI is off, the root has no limits) gives an empty value, silently; any other
 * read problem gives an empty value and a warning. A cgroup that vanishes during the sample
 * ({@link CgroupGoneException}, or {@link Cgroup#exists()} false afterwards) gives no sample at all, so a row is
 * never half-filled with the data of a dead container.
 *
 * <p>Stateless; thread-safe as long as the {@link CgroupFs} is (cgroupctl's readers are).
 */
public final class ContainerSampler {
    private final CgroupFs fs;
    private final Path procfs;
    private final BlockDevices blockDevices;
    private final InstantSource clock;

    /**
     * @param fs           the cgroup filesystem
     * @param procfs       procfs root, for {@code <pid>/net/dev}
     * @param blockDevices whole-disk rule
     * @param clock        timestamps
     */
    public ContainerSampler(CgroupFs fs, Path procfs, BlockDevices blockDevices, InstantSource clock) {
        this.fs = fs;
        this.procfs = procfs;
        this.blockDevices = blockDevices;
        this.clock = clock;
    }

    private interface Read<T> {
        T read() throws CgroupException;
    }

    /**
     * Samples {@code id}; empty when its cgroup vanished meanwhile. Warnings are passed on only for containers
     * that are still there: the errors of a cgroup being torn down (ENODEV, empty files) are not news.
     */
    public Optional<ContainerSample> sample(ContainerIdentity id, Consumer<String> warnings) {
        List<String> mine = new ArrayList<>();
        Optional<ContainerSample> s;
        try {
            s = read(id, mine::add);
        } catch (java.io.UncheckedIOException e) {
            // A filesystem race below a reader (a directory listed, then gone): the same as a vanished cgroup.
            s = Optional.empty();
        }
        if (s.isPresent()) {
            mine.forEach(warnings);
        }
        return s;
    }

    private Optional<ContainerSample> read(ContainerIdentity id, Consumer<String> warnings) {
        Cgroup cg = fs.cgroup(id.cgroup());
        try {
            Instant at = clock.instant();
            Optional<CpuUsage> usage = read(cg, cg::readCpuUsage, warnings);
            Optional<CpuThrottling> thr = read(cg, cg::readCpuThrottling, warnings);
            Optional<CpuMax> max = read(cg, cg::readCpuMax, warnings);
            ContainerSample.Cpu cpu = new ContainerSample.Cpu(
                    longOf(usage, CpuUsage::usageUsec),
                    flat(usage, CpuUsage::userUsec),
                    flat(usage, CpuUsage::systemUsec),
                    longOf(thr, CpuThrottling::periods),
                    longOf(thr, CpuThrottling::throttledPeriods),
                    longOf(thr, CpuThrottling::throttledUsec),
                    max.map(CpuMax::quotaUsec),
                    longOf(max, CpuMax::periodUsec));
            Optional<MemoryUsage> mem = read(cg, cg::readMemory, warnings);
            Optional<MemoryStat> stat = read(cg, cg::readMemoryStat, warnings);
            Optional<MemoryEvents> events = read(cg, cg::readMemoryEvents, warnings);
            ContainerSample.Memory memory = new ContainerSample.Memory(
                    longOf(mem, MemoryUsage::usageBytes),
                    flat(stat, MemoryStat::anonBytes),
                    flat(stat, MemoryStat::fileBytes),
                    flat(stat, MemoryStat::inactiveFileBytes),
                    mem.map(MemoryUsage::maxBytes),
                    longOf(events, MemoryEvents::oomKill),
                    flat(mem, MemoryUsage::swapUsageBytes));
            Optional<List<ContainerSample.IoDevice>> io = read(cg, cg::readIoStat, warnings).map(this::io);
            Optional<PidsUsage> pidsUsage = read(cg, cg::readPids, warnings);
            ContainerSample.Pids pids = new ContainerSample.Pids(
                    longOf(pidsUsage, PidsUsage::current),
                    pidsUsage.map(PidsUsage::max));
            Optional<Pressure> cpuPsi = read(cg, () -> cg.readPressure(PressureResource.CPU), warnings);
            Optional<Pressure> memPsi = read(cg, () -> cg.readPressure(PressureResource.MEMORY), warnings);
            Optional<Pressure> ioPsi = read(cg, () -> cg.readPressure(PressureResource.IO), warnings);
            Optional<FreezerState> freezer = read(cg, cg::readFreezerState, warnings);
            ContainerState state = id.pids().isEmpty() ? ContainerState.EXITED
                    : freezer.filter(f -> f != FreezerState.THAWED).isPresent() ? ContainerState.FROZEN
                    : ContainerState.RUNNING;
            Optional<List<NetDevCounters>> net = net(id, warnings);
            if (!cg.exists()) {
                return Optional.empty();
            }
            return Optional.of(new ContainerSample(at, id, state, cpu, memory, io, net, pids, cpuPsi, memPsi, ioPsi));
        } catch (CgroupGoneException e) {
            return Optional.empty();
        }
    }

    private List<ContainerSample.IoDevice> io(IoStat stat) {
        List<ContainerSample.IoDevice> out = new ArrayList<>(stat.devices().size());
        for (IoDeviceStat d : stat.devices()) {
            out.add(new ContainerSample.IoDevice(blockDevices.lookup(d.major(), d.minor()), d.readBytes(),
                    d.writeBytes(), d.readOps(), d.writeOps()));
        }
        return List.copyOf(out);
    }

    private Optional<List<NetDevCounters>> net(ContainerIdentity id, Consumer<String> warnings) {
        if (id.netns().isEmpty() || id.netns().get().host()) {
            return Optional.empty();
        }
        // Any member will do: they share the namespace found by discovery. Try a few in case one just exited.
        int tries = 0;
        for (long pid : id.pids()) {
            Path file = procfs.resolve(pid + "/net/dev");
            try {
                return Optional.of(ProcParsers.parseNetDev(file, Files.readString(file)));
            } catch (IOException e) {
                if (++tries == 3) {
                    break;
                }
            } catch (ProcParseException e) {
                warnings.accept(e.getMessage());
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static <T> Optional<T> read(Cgroup cg, Read<T> r, Consumer<String> warnings)
            throws CgroupGoneException {
        try {
            return Optional.of(r.read());
        } catch (CgroupGoneException e) {
            // On v1 and hybrid hosts a cgroup may exist in some hierarchies only (a runtime that created it in the
            // memory hierarchy alone); a file missing from a hierarchy it is not in is "unavailable", not "gone".
            if (cg.exists()) {
                return Optional.empty();
            }
            throw e;
        } catch (ControllerUnavailableException e) {
            return Optional.empty();
        } catch (CgroupException e) {
            warnings.accept(e.getMessage());
            return Optional.empty();
        }
    }

    /** The long that {@code f} takes from {@code o}, or empty when {@code o} could not be read. */
    private static <T> OptionalLong longOf(Optional<T> o, ToLongFunction<T> f) {
        return o.isPresent() ? OptionalLong.of(f.applyAsLong(o.get())) : OptionalLong.empty();
    }

    /** A key the kernel may omit ({@code f}) of a file that may not have been read ({@code o}). */
    private static <T> OptionalLong flat(Optional<T> o, Function<T, OptionalLong> f) {
        return o.map(f).orElse(OptionalLong.empty());
    }
}
