package dev.berth.tui.sample;

import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.Limit;
import dev.berth.collectors.Collector;
import dev.berth.collectors.ContainerModel;
import dev.berth.collectors.HostMemory;
import dev.berth.collectors.HostModel;
import dev.berth.collectors.ProcessModel;
import dev.berth.collectors.TickOptions;
import dev.berth.tui.view.ContainerDetail;
import dev.berth.tui.view.ContainerRow;
import dev.berth.collectors.ContainerState;
import dev.berth.tui.view.DeviceRates;
import dev.berth.tui.view.HostView;
import dev.berth.tui.view.InterfaceRates;
import dev.berth.ops.CurrentLimits;
import dev.berth.tui.view.ProcessRow;
import dev.berth.tui.view.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The production {@link SnapshotSource}: one {@link Collector#tick} per sample, mapped to the
 * console's view-model. A row's id is its cgroup path (unique and stable across samples). Not
 * thread-safe: used by the sampler thread only.
 */
public final class CollectorSource implements SnapshotSource {
    /** Processes shown in the top-processes panel. */
    static final int TOP_PROCESSES = 8;

    /** Reads a container's limits for the detail view. */
    public interface LimitsLookup {
        /** The limits of the cgroup at {@code cgroupPath}. */
        CurrentLimits read(String cgroupPath) throws CgroupException;
    }

    private final Collector collector;
    private final SystemFacts facts;
    private final LimitsLookup limits;

    /**
     * @param facts host name, uptime and berth's own cost
     * @param limits reader of the focused container's limits
     */
    public CollectorSource(Collector collector, SystemFacts facts, LimitsLookup limits) {
        this.collector = collector;
        this.facts = facts;
        this.limits = limits;
    }

    @Override
    public Snapshot sample(SampleRequest request) {
        Set<String> procsOf = request.focus().map(Set::of).orElse(Set.of());
        dev.berth.collectors.Snapshot s = collector.tick(new TickOptions(request.allCgroups(),
                request.hostProcesses(), procsOf));
        return map(s, request, limits, facts.hostname(), facts.uptime(), facts.self());
    }

    /**
     * The console's view of a collectors snapshot (live, or derived from recorded samples by replay).
     *
     * @param limits   the focused container's limits
     * @param hostname the host's name
     * @param uptime   time since boot; empty in replay (not recorded)
     * @param self     berth's own cost (the recorder's, in replay)
     */
    static Snapshot map(dev.berth.collectors.Snapshot s, SampleRequest request, LimitsLookup limits,
            String hostname, Optional<java.time.Duration> uptime, SystemFacts.Self self) {
        List<ContainerRow> rows = new ArrayList<>(s.containers().size());
        Optional<ContainerDetail> detail = Optional.empty();
        for (ContainerModel m : s.containers()) {
            ContainerRow row = row(m);
            rows.add(row);
            if (request.focus().isPresent() && request.focus().get().equals(row.id())) {
                detail = Optional.of(detail(m, s.processes().getOrDefault(m.identity().cgroup(), List.of()),
                        limits));
            }
        }
        return new Snapshot(s.at(), host(s.host(), hostname, uptime, self), rows, detail, s.warnings());
    }

    static ContainerRow row(ContainerModel m) {
        ContainerState st = m.state();
        OptionalLong pids = m.pids().current().isPresent() ? m.pids().current()
                : OptionalLong.of(m.identity().pids().size());
        return new ContainerRow(m.identity().cgroup(), m.identity().name(), m.identity().runtime().label(),
                m.identity().cgroup(), st, m.cpu().percent(), m.cpu().limitCpus(), m.cpu().quotaUsec(),
                m.memory().workingSetBytes(), m.memory().limit(), m.memory().percentOfLimit(), m.io().readBytesPerSecond(), m.io().writeBytesPerSecond(), m.net().rxBytesPerSecond(),
                m.net().txBytesPerSecond(), pids);
    }

    private static ContainerDetail detail(ContainerModel m, List<ProcessModel> procs, LimitsLookup limits) {
        CurrentLimits l;
        try {
            l = limits.read(m.identity().cgroup());
        } catch (CgroupException e) {
            l = CurrentLimits.none();
        }
        List<ContainerDetail.MemoryPart> mem = new ArrayList<>();
        part(mem, "usage", m.memory().usageBytes());
        part(mem, "working set", m.memory().workingSetBytes());
        part(mem, "anon", m.memory().anonBytes());
        part(mem, "file (cache)", m.memory().fileBytes());
        part(mem, "swap", m.memory().swapBytes());
        List<DeviceRates> devs = new ArrayList<>();
        for (ContainerModel.IoDevice d : m.io().devices()) {
            devs.add(new DeviceRates(d.name(), d.readBytesPerSecond(), d.writeBytesPerSecond()));
        }
        List<InterfaceRates> nics = new ArrayList<>();
        for (ContainerModel.NetInterface n : m.net().interfaces()) {
            nics.add(new InterfaceRates(n.name(), n.rxBytesPerSecond(), n.txBytesPerSecond()));
        }
        return new ContainerDetail(m.identity().cgroup(), l, m.cpuPressure(),
                m.memoryPressure(), m.ioPressure(), mem, devs,
                nics, processes(procs, Integer.MAX_VALUE));
    }

    private static void part(List<ContainerDetail.MemoryPart> out, String name, OptionalLong v) {
        if (v.isPresent()) {
            out.add(new ContainerDetail.MemoryPart(name, v.getAsLong()));
        }
    }

    private static List<ProcessRow> processes(List<ProcessModel> procs, int max) {
        List<ProcessModel> sorted = new ArrayList<>(procs);
        sorted.sort((a, b) -> Double.compare(b.cpuPercent().orElse(-1), a.cpuPercent().orElse(-1)));
        List<ProcessRow> out = new ArrayList<>();
        for (ProcessModel p : sorted) {
            if (out.size() >= max) {
                break;
            }
            out.add(new ProcessRow(p.pid(), p.command(), p.cpuPercent(), p.rssBytes().orElse(0)));
        }
        return out;
    }

    private static HostView host(HostModel h, String hostname, Optional<java.time.Duration> uptime,
            SystemFacts.Self self) {
        HostMemory mem = h.memory().orElse(new HostMemory(0, 0, OptionalLong.empty(), 0, 0, 0, 0));
        long used = mem.availableBytes().isPresent() ? mem.totalBytes() - mem.availableBytes().getAsLong()
                : mem.totalBytes() - mem.freeBytes() - mem.buffersBytes() - mem.cachedBytes();
        List<Double> cores = new ArrayList<>();
        for (Optional<HostModel.CpuShare> c : h.perCore()) {
            cores.add(c.map(HostModel.CpuShare::busy).orElse(0.0));
        }
        if (h.cpu().isEmpty()) {
            cores.clear();
        }
        List<DeviceRates> disks = new ArrayList<>();
        for (HostModel.DiskRate d : h.disks()) {
            if (d.wholeDisk()) {
                disks.add(new DeviceRates(d.name(), d.readBytesPerSecond(), d.writeBytesPerSecond()));
            }
        }
        List<InterfaceRates> nics = new ArrayList<>();
        for (HostModel.NetRate n : h.interfaces()) {
            nics.add(new InterfaceRates(n.name(), n.rxBytesPerSecond(), n.txBytesPerSecond()));
        }
        return new HostView(hostname, uptime, h.load().map(l -> l.one()).orElse(0.0),
                h.load().map(l -> l.five()).orElse(0.0), h.load().map(l -> l.fifteen()).orElse(0.0),
                h.cpu().isPresent() ? OptionalDouble.of(h.cpu().get().busy()) : OptionalDouble.empty(), cores,
                mem.totalBytes(), Math.max(0, used), mem.buffersBytes(), mem.cachedBytes(),
                mem.availableBytes().orElse(mem.freeBytes()), mem.swapTotalBytes(), mem.swapUsedBytes(),
                h.diskTotal().map(HostModel.DiskRate::readBytesPerSecond).orElse(OptionalDouble.empty()),
                h.diskTotal().map(HostModel.DiskRate::writeBytesPerSecond).orElse(OptionalDouble.empty()),
                h.netTotal().map(HostModel.NetRate::rxBytesPerSecond).orElse(OptionalDouble.empty()),
                h.netTotal().map(HostModel.NetRate::txBytesPerSecond).orElse(OptionalDouble.empty()),
                disks, nics, processes(h.processes(), TOP_PROCESSES), self.cpuPct(), self.rssBytes());
    }

    /** Closes what the facts hold open; the collector is its creator's to close. */
    @Override
    public void close() {
        facts.close();
    }
}
