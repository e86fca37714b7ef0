package dev.berth.collectors;

import dev.berth.collectors.proc.CpuTimes;
import dev.berth.collectors.proc.DiskCounters;
import dev.berth.collectors.proc.LoadAverage;
import dev.berth.collectors.proc.NetDevCounters;
import dev.berth.collectors.proc.ProcStat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Host figures derived from two {@link HostSample}s. Host CPU percentages are shares of all CPUs (0–100, as
 * top's {@code %Cpu(s)} and dstat), per-core ones shares of that core; process CPU % is 100 % = one core.
 * Rates are empty on the first sample. Immutable.
 *
 * @param at          time of the current sample
 * @param cpu         share of CPU time per state over the interval
 * @param perCore     the same per core, in {@code /proc/stat} order
 * @param load        load averages
 * @param memory      memory and swap
 * @param disks       every block device with its rates; {@code wholeDisk} says whether it entered the totals
 * @param diskTotal   sum over whole disks (see {@link dev.berth.collectors.proc.BlockDevices})
 * @param interfaces  every interface of the host namespace
 * @param netTotal    sum over interfaces other than {@code lo}
 * @param processes   every process, highest CPU first
 */
public record HostModel(Instant at, Optional<CpuShare> cpu, List<Optional<CpuShare>> perCore,
        Optional<LoadAverage> load, Optional<HostMemory> memory, List<DiskRate> disks, Optional<DiskRate> diskTotal,
        List<NetRate> interfaces, Optional<NetRate> netTotal, List<ProcessModel> processes) {

    /** Percent of CPU time in each state over the interval; the fields sum to 100. */
    public record CpuShare(double user, double nice, double system, double idle, double iowait, double irq,
            double softirq, double steal) {

        /**
         * Everything but idle and iowait: the sum of the busy shares, never {@code 100 - idle - iowait}.
         * The difference is off by a rounding error ({@code 100.0 / 3 * 3} is {@code 100.00000000000001}),
         * which an idle host showed as {@code -0.0%} in 19 of 548 samples; a sum of shares that are each
         * at least zero is at least zero.
         */
        public double busy() {
            return user + nice + system + irq + softirq + steal;
        }
    }

    /** Rates of one disk (or of the whole-disk total, named {@code total}). */
    public record DiskRate(String name, boolean wholeDisk, OptionalDouble readBytesPerSecond,
            OptionalDouble writeBytesPerSecond, OptionalDouble readOpsPerSecond, OptionalDouble writeOpsPerSecond,
            OptionalDouble utilisationPercent) {
    }

    /** Rates of one interface (or of the total without {@code lo}, named {@code total}). */
    public record NetRate(String name, OptionalDouble rxBytesPerSecond, OptionalDouble txBytesPerSecond,
            OptionalDouble rxPacketsPerSecond, OptionalDouble txPacketsPerSecond) {
    }

    /**
     * Derives the model; {@code previous} is empty on the first tick. Disk, network and process rates divide by the
     * time between the two readings of their own file ({@link HostSample#readTimes()}); CPU shares are ratios of
     * jiffies and need no time. Pure function.
     */
    public static HostModel derive(Optional<HostSample> previous, HostSample current) {
        HostSample.ReadTimes now = current.readTimes();
        HostSample.ReadTimes then = previous.map(HostSample::readTimes).orElse(now);
        Duration diskDt = Duration.between(then.disks(), now.disks());
        Duration netDt = Duration.between(then.net(), now.net());
        Duration procDt = Duration.between(then.processes(), now.processes());
        Optional<ProcStat> ps = previous.flatMap(HostSample::stat);
        Optional<CpuShare> cpu = Optional.empty();
        List<Optional<CpuShare>> cores = new ArrayList<>();
        if (current.stat().isPresent()) {
            ProcStat cs = current.stat().get();
            cpu = ps.flatMap(p -> share(p.total(), cs.total()));
            for (int i = 0; i < cs.perCore().size(); i++) {
                int idx = i;
                cores.add(ps.filter(p -> p.perCore().size() > idx)
                        .flatMap(p -> share(p.perCore().get(idx), cs.perCore().get(idx))));
            }
        }
        List<DiskRate> disks = new ArrayList<>();
        Optional<DiskRate> diskTotal = Optional.empty();
        if (current.disks().isPresent()) {
            Map<String, DiskCounters> before = new HashMap<>();
            previous.flatMap(HostSample::disks).ifPresent(l -> l.forEach(d -> before.put(d.device().name(), d.counters())));
            long[] pt = new long[4];
            long[] ct = new long[4];
            boolean complete = previous.flatMap(HostSample::disks).isPresent();
            for (HostSample.Disk d : current.disks().get()) {
                DiskCounters c = d.counters();
                DiskCounters p = before.get(d.device().name());
                disks.add(diskRate(d.device().name(), d.device().wholeDisk(), p, c, diskDt));
                if (d.device().wholeDisk()) {
                    add(ct, c);
                    if (p == null) {
                        complete = false;
                    } else {
                        add(pt, p);
                    }
                }
            }
            diskTotal = Optional.of(new DiskRate("total", true, rate(complete, pt[0], ct[0], diskDt),
                    rate(complete, pt[1], ct[1], diskDt), rate(complete, pt[2], ct[2], diskDt),
                    rate(complete, pt[3], ct[3], diskDt), OptionalDouble.empty()));
        }
        List<NetRate> ifaces = new ArrayList<>();
        Optional<NetRate> netTotal = Optional.empty();
        if (current.net().isPresent()) {
            Map<String, NetDevCounters> before = new HashMap<>();
            previous.flatMap(HostSample::net).ifPresent(l -> l.forEach(n -> before.put(n.iface(), n)));
            long[] pt = new long[4];
            long[] ct = new long[4];
            boolean complete = previous.flatMap(HostSample::net).isPresent();
            for (NetDevCounters c : current.net().get()) {
                NetDevCounters p = before.get(c.iface());
                boolean has = p != null;
                ifaces.add(new NetRate(c.iface(), rate(has, has ? p.rxBytes() : 0, c.rxBytes(), netDt),
                        rate(has, has ? p.txBytes() : 0, c.txBytes(), netDt),
                        rate(has, has ? p.rxPackets() : 0, c.rxPackets(), netDt),
                        rate(has, has ? p.txPackets() : 0, c.txPackets(), netDt)));
                if (!c.loopback()) {
                    add(ct, c);
                    if (has) {
                        add(pt, p);
                    } else {
                        complete = false;
                    }
                }
            }
            netTotal = Optional.of(new NetRate("total", rate(complete, pt[0], ct[0], netDt),
                    rate(complete, pt[1], ct[1], netDt), rate(complete, pt[2], ct[2], netDt),
                    rate(complete, pt[3], ct[3], netDt)));
        }
        List<ProcessModel> procs = new ArrayList<>(ProcessModel.derive(
                previous.flatMap(HostSample::processes).orElse(List.of()),
                current.processes().orElse(List.of()), procDt));
        procs.sort(Comparator.comparingDouble((ProcessModel p) -> p.cpuPercent().orElse(-1)).reversed()
                .thenComparingLong(ProcessModel::pid));
        return new HostModel(current.at(), cpu, List.copyOf(cores), current.load(), current.memory(),
                List.copyOf(disks), diskTotal, List.copyOf(ifaces), netTotal, List.copyOf(procs));
    }

    private static Optional<CpuShare> share(CpuTimes p, CpuTimes c) {
        long user = c.user() - p.user();
        long nice = c.nice() - p.nice();
        long system = c.system() - p.system();
        long idle = c.idle() - p.idle();
        // iowait may go backwards on some kernels (it is a per-cpu estimate, see proc(5)); clamp the delta.
        long iowait = Math.max(0, c.iowait() - p.iowait());
        long irq = c.irq() - p.irq();
        long softirq = c.softirq() - p.softirq();
        long steal = c.steal() - p.steal();
        if (user < 0 || nice < 0 || system < 0 || idle < 0 || irq < 0 || softirq < 0 || steal < 0) {
            return Optional.empty(); // a counter went backwards (reset, or a CPU went offline): no rate
        }
        // the denominator is the sum of the deltas as used, so that the shares sum to 100 even with iowait clamped
        long dt = user + nice + system + idle + iowait + irq + softirq + steal;
        if (dt <= 0) {
            return Optional.empty();
        }
        double f = 100.0 / dt;
        return Optional.of(new CpuShare(user * f, nice * f, system * f, idle * f, iowait * f, irq * f, softirq * f,
                steal * f));
    }

    private static DiskRate diskRate(String name, boolean whole, DiskCounters p, DiskCounters c, Duration elapsed) {
        boolean has = p != null;
        OptionalDouble util = has ? Rates.scale(Rates.perSecond(p.ioMillis(), c.ioMillis(), elapsed), 0.1)
                : OptionalDouble.empty();
        return new DiskRate(name, whole, rate(has, has ? p.readBytes() : 0, c.readBytes(), elapsed),
                rate(has, has ? p.writeBytes() : 0, c.writeBytes(), elapsed),
                rate(has, has ? p.readOps() : 0, c.readOps(), elapsed),
                rate(has, has ? p.writeOps() : 0, c.writeOps(), elapsed), util);
    }

    private static void add(long[] acc, DiskCounters d) {
        acc[0] += d.readBytes();
        acc[1] += d.writeBytes();
        acc[2] += d.readOps();
        acc[3] += d.writeOps();
    }

    private static void add(long[] acc, NetDevCounters n) {
        acc[0] += n.rxBytes();
        acc[1] += n.txBytes();
        acc[2] += n.rxPackets();
        acc[3] += n.txPackets();
    }

    private static OptionalDouble rate(boolean has, long previous, long current, Duration elapsed) {
        return has ? Rates.perSecond(previous, current, elapsed) : OptionalDouble.empty();
    }
}
