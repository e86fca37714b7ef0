package dev.berth.collectors;

import dev.berth.cgroupctl.Pressure;
import dev.berth.cgroupctl.Limit;
import dev.berth.cgroupctl.Pressure;
import dev.berth.collectors.proc.NetDevCounters;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What a container costs, derived from two {@link ContainerSample}s: counters as of the current sample plus
 * rates over the interval. Rates are empty on the first sample of a container, when either reading is
 * unavailable, and when a counter went backwards. Immutable.
 *
 * @param identity who
 * @param state    running, frozen, exited
 * @param at       time of the current sample
 * @param cpu      CPU figures
 * @param memory   memory figures
 * @param io       block IO figures
 * @param net      network figures
 * @param pids     pids controller
 * @param cpuPressure    cpu PSI
 * @param memoryPressure memory PSI
 * @param ioPressure     io PSI
 */
public record ContainerModel(ContainerIdentity identity, ContainerState state, Instant at, Cpu cpu, Memory memory,
        Io io, Net net, ContainerSample.Pids pids, Optional<Pressure> cpuPressure, Optional<Pressure> memoryPressure,
        Optional<Pressure> ioPressure) {

    /**
     * CPU figures.
     *
     * @param usageSeconds      total CPU time consumed, seconds
     * @param percent           CPU use over the interval, 100 % = one core fully busy (as docker stats, below)
     * @param userPercent       user part of {@code percent}
     * @param systemPercent     system part of {@code percent}
     * @param limitCpus         quota / period in CPUs (0.5 = half a core); empty when unlimited or unreadable
     * @param percentOfLimit    {@code percent} as a share of the quota; empty without a quota
     * @param throttledSeconds  total time throttled, seconds
     * @param throttledPerSecond seconds throttled per second of wall time over the interval
     * @param quotaUsec         the raw quota per period: unlimited when none is set, empty when unreadable
     */
    public record Cpu(OptionalDouble usageSeconds, OptionalDouble percent, OptionalDouble userPercent,
            OptionalDouble systemPercent, OptionalDouble limitCpus, OptionalDouble percentOfLimit,
            OptionalDouble throttledSeconds, OptionalDouble throttledPerSecond, Optional<Limit> quotaUsec) {
    }

    /**
     * Memory figures, bytes.
     *
     * @param usageBytes      usage including page cache
     * @param workingSetBytes usage − inactive_file, floored at 0 (as docker stats and cAdvisor): what the kernel
     *                        could not easily reclaim
     * @param anonBytes       anonymous memory
     * @param fileBytes       page cache
     * @param limit           the hard limit; unlimited when none is set
     * @param percentOfLimit  working set as % of the limit; empty when unlimited
     * @param oomKills        processes killed by the OOM killer in this cgroup
     * @param swapBytes       swap used
     */
    public record Memory(OptionalLong usageBytes, OptionalLong workingSetBytes, OptionalLong anonBytes,
            OptionalLong fileBytes, Optional<Limit> limit, OptionalDouble percentOfLimit, OptionalLong oomKills,
            OptionalLong swapBytes) {
    }

    /**
     * Block IO. Totals count whole disks only (see {@link dev.berth.collectors.proc.BlockDevices}); all empty
     * when the IO controller could not be read, 0 when it was read and shows no IO.
     */
    public record Io(List<IoDevice> devices, OptionalLong readBytes, OptionalLong writeBytes, OptionalLong readOps,
            OptionalLong writeOps, OptionalDouble readBytesPerSecond, OptionalDouble writeBytesPerSecond,
            OptionalDouble readOpsPerSecond, OptionalDouble writeOpsPerSecond) {
    }

    /** One device: counters and rates; {@code wholeDisk} says whether it entered the totals. */
    public record IoDevice(String name, int major, int minor, boolean wholeDisk, long readBytes, long writeBytes,
            long readOps, long writeOps, OptionalDouble readBytesPerSecond, OptionalDouble writeBytesPerSecond,
            OptionalDouble readOpsPerSecond, OptionalDouble writeOpsPerSecond) {
    }

    /**
     * Network of the container's own namespace. Totals leave out {@code lo}. When the container shares the
     * host's namespace ({@code netns.host()}) everything but {@code netns} is empty: that traffic is the host's.
     */
    public record Net(Optional<NetNamespace> netns, List<NetInterface> interfaces, OptionalLong rxBytes,
            OptionalLong txBytes, OptionalLong rxPackets, OptionalLong txPackets, OptionalDouble rxBytesPerSecond,
            OptionalDouble txBytesPerSecond, OptionalDouble rxPacketsPerSecond, OptionalDouble txPacketsPerSecond) {
    }

    /** One interface of the container's namespace. */
    public record NetInterface(String name, long rxBytes, long txBytes, long rxPackets, long txPackets,
            OptionalDouble rxBytesPerSecond, OptionalDouble txBytesPerSecond, OptionalDouble rxPacketsPerSecond,
            OptionalDouble txPacketsPerSecond) {
    }

    /**
     * A container that has no cgroup to measure, only a record elsewhere (berth's own container after
     * {@code stop}, or left by a launch that was killed before its cgroup existed): {@link ContainerState#EXITED},
     * every figure unavailable. Listing it is what makes such a leftover visible, and so removable.
     */
    public static ContainerModel unmeasured(ContainerIdentity identity, Instant at) {
        OptionalDouble d = OptionalDouble.empty();
        OptionalLong l = OptionalLong.empty();
        return new ContainerModel(identity, ContainerState.EXITED, at,
                new Cpu(d, d, d, d, d, d, d, d, Optional.empty()),
                new Memory(l, l, l, l, Optional.empty(), d, l, l),
                new Io(List.of(), l, l, l, l, d, d, d, d),
                new Net(Optional.empty(), List.of(), l, l, l, l, d, d, d, d),
                new ContainerSample.Pids(l, Optional.empty()), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * Derives the model from the previous sample of the same container (empty for its first tick) and the
     * current one. Each rate divides by the time between the two readings of its own counter
     * ({@link ContainerSample#readTimes()}), so a counter read later in a slow tick is not divided by a shorter or
     * longer interval than the one it covers. Pure function.
     */
    public static ContainerModel derive(Optional<ContainerSample> previous, ContainerSample current) {
        Optional<ContainerSample> prev = previous.filter(p -> p.identity().cgroup().equals(current.identity().cgroup()));
        ContainerSample.ReadTimes now = current.readTimes();
        ContainerSample.ReadTimes then = prev.map(ContainerSample::readTimes).orElse(now);
        return new ContainerModel(current.identity(), current.state(), current.at(),
                cpu(prev.map(ContainerSample::cpu), current.cpu(), Duration.between(then.cpu(), now.cpu())),
                memory(current.memory()),
                io(prev.flatMap(ContainerSample::io), current.io(), Duration.between(then.io(), now.io())),
                net(current.identity().netns(), prev.flatMap(ContainerSample::net), current.net(),
                        Duration.between(then.net(), now.net())),
                current.pids(), current.cpuPressure(), current.memoryPressure(), current.ioPressure());
    }

    private static Cpu cpu(Optional<ContainerSample.Cpu> prev, ContainerSample.Cpu cur, Duration elapsed) {
        // usec per second / 1e6 = cores; × 100 = percent of one core.
        OptionalDouble percent = Rates.scale(prev.isEmpty() ? OptionalDouble.empty()
                : Rates.perSecond(prev.get().usageUsec(), cur.usageUsec(), elapsed), 1e-4);
        OptionalDouble user = Rates.scale(prev.isEmpty() ? OptionalDouble.empty()
                : Rates.perSecond(prev.get().userUsec(), cur.userUsec(), elapsed), 1e-4);
        OptionalDouble system = Rates.scale(prev.isEmpty() ? OptionalDouble.empty()
                : Rates.perSecond(prev.get().systemUsec(), cur.systemUsec(), elapsed), 1e-4);
        OptionalDouble limitCpus = OptionalDouble.empty();
        if (cur.quotaUsec().isPresent() && cur.periodUsec().isPresent() && cur.periodUsec().getAsLong() > 0) {
            OptionalLong quota = cur.quotaUsec().get().value();
            if (quota.isPresent()) {
                limitCpus = OptionalDouble.of((double) quota.getAsLong() / cur.periodUsec().getAsLong());
            }
        }
        OptionalDouble ofLimit = percent.isPresent() && limitCpus.isPresent()
                ? OptionalDouble.of(percent.getAsDouble() / limitCpus.getAsDouble()) : OptionalDouble.empty();
        OptionalDouble throttledRate = Rates.scale(prev.isEmpty() ? OptionalDouble.empty()
                : Rates.perSecond(prev.get().throttledUsec(), cur.throttledUsec(), elapsed), 1e-6);
        return new Cpu(seconds(cur.usageUsec()), percent, user, system, limitCpus, ofLimit,
                seconds(cur.throttledUsec()), throttledRate, cur.quotaUsec());
    }

    private static OptionalDouble seconds(OptionalLong usec) {
        return usec.isPresent() ? OptionalDouble.of(usec.getAsLong() / 1e6) : OptionalDouble.empty();
    }

    private static Memory memory(ContainerSample.Memory m) {
        OptionalLong ws = OptionalLong.empty();
        if (m.usageBytes().isPresent() && m.inactiveFileBytes().isPresent()) {
            ws = OptionalLong.of(Math.max(0, m.usageBytes().getAsLong() - m.inactiveFileBytes().getAsLong()));
        }
        OptionalDouble pct = OptionalDouble.empty();
        if (ws.isPresent() && m.limitBytes().isPresent() && m.limitBytes().get().value().isPresent()
                && m.limitBytes().get().value().getAsLong() > 0) {
            pct = OptionalDouble.of(100.0 * ws.getAsLong() / m.limitBytes().get().value().getAsLong());
        }
        return new Memory(m.usageBytes(), ws, m.anonBytes(), m.fileBytes(), m.limitBytes(), pct, m.oomKills(),
                m.swapBytes());
    }

    private static Io io(Optional<List<ContainerSample.IoDevice>> prev, Optional<List<ContainerSample.IoDevice>> cur,
            Duration elapsed) {
        if (cur.isEmpty()) {
            return new Io(List.of(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                    OptionalLong.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                    OptionalDouble.empty());
        }
        Map<String, ContainerSample.IoDevice> before = new HashMap<>();
        prev.ifPresent(l -> l.forEach(d -> before.put(d.device().major() + ":" + d.device().minor(), d)));
        List<IoDevice> devices = new ArrayList<>();
        long rb = 0;
        long wb = 0;
        long ro = 0;
        long wo = 0;
        long prb = 0;
        long pwb = 0;
        long pro = 0;
        long pwo = 0;
        boolean prevComplete = prev.isPresent();
        for (ContainerSample.IoDevice d : cur.get()) {
            ContainerSample.IoDevice p = before.get(d.device().major() + ":" + d.device().minor());
            devices.add(new IoDevice(d.device().name(), d.device().major(), d.device().minor(), d.device().wholeDisk(),
                    d.readBytes(), d.writeBytes(), d.readOps(), d.writeOps(),
                    p == null ? OptionalDouble.empty() : Rates.perSecond(p.readBytes(), d.readBytes(), elapsed),
                    p == null ? OptionalDouble.empty() : Rates.perSecond(p.writeBytes(), d.writeBytes(), elapsed),
                    p == null ? OptionalDouble.empty() : Rates.perSecond(p.readOps(), d.readOps(), elapsed),
                    p == null ? OptionalDouble.empty() : Rates.perSecond(p.writeOps(), d.writeOps(), elapsed)));
            if (d.device().wholeDisk()) {
                rb += d.readBytes();
                wb += d.writeBytes();
                ro += d.readOps();
                wo += d.writeOps();
                if (p != null) {
                    prb += p.readBytes();
                    pwb += p.writeBytes();
                    pro += p.readOps();
                    pwo += p.writeOps();
                }
            }
        }
        // A device that first appears in this sample started from 0, so the previous total is still right as
        // long as the previous sample existed; counters that shrank give no rate (Rates).
        return new Io(List.copyOf(devices), OptionalLong.of(rb), OptionalLong.of(wb), OptionalLong.of(ro),
                OptionalLong.of(wo), rate(prevComplete, prb, rb, elapsed), rate(prevComplete, pwb, wb, elapsed),
                rate(prevComplete, pro, ro, elapsed), rate(prevComplete, pwo, wo, elapsed));
    }

    private static Net net(Optional<NetNamespace> ns, Optional<List<NetDevCounters>> prev,
            Optional<List<NetDevCounters>> cur, Duration elapsed) {
        if (cur.isEmpty()) {
            return new Net(ns, List.of(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                    OptionalLong.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                    OptionalDouble.empty());
        }
        Map<String, NetDevCounters> before = new HashMap<>();
        prev.ifPresent(l -> l.forEach(c -> before.put(c.iface(), c)));
        List<NetInterface> ifaces = new ArrayList<>();
        long rx = 0;
        long tx = 0;
        long rxp = 0;
        long txp = 0;
        long prx = 0;
        long ptx = 0;
        long prxp = 0;
        long ptxp = 0;
        for (NetDevCounters c : cur.get()) {
            NetDevCounters p = before.get(c.iface());
            ifaces.add(new NetInterface(c.iface(), c.rxBytes(), c.txBytes(), c.rxPackets(), c.txPackets(),
                    p == null ? OptionalDouble.empty() : Rates.perSecond(p.rxBytes(), c.rxBytes(), elapsed),
                    p == null ? OptionalDouble.empty() : Rates.perSecond(p.txBytes(), c.txBytes(), elapsed),
                    p == null ? OptionalDouble.empty() : Rates.perSecond(p.rxPackets(), c.rxPackets(), elapsed),
                    p == null ? OptionalDouble.empty() : Rates.perSecond(p.txPackets(), c.txPackets(), elapsed)));
            if (!c.loopback()) {
                rx += c.rxBytes();
                tx += c.txBytes();
                rxp += c.rxPackets();
                txp += c.txPackets();
                if (p != null) {
                    prx += p.rxBytes();
                    ptx += p.txBytes();
                    prxp += p.rxPackets();
                    ptxp += p.txPackets();
                }
            }
        }
        boolean hadPrev = prev.isPresent();
        return new Net(ns, List.copyOf(ifaces), OptionalLong.of(rx), OptionalLong.of(tx), OptionalLong.of(rxp),
                OptionalLong.of(txp), rate(hadPrev, prx, rx, elapsed), rate(hadPrev, ptx, tx, elapsed),
                rate(hadPrev, prxp, rxp, elapsed), rate(hadPrev, ptxp, txp, elapsed));
    }

    private static OptionalDouble rate(boolean hadPrevious, long previous, long current, Duration elapsed) {
        return hadPrevious ? Rates.perSecond(previous, current, elapsed) : OptionalDouble.empty();
    }
}
