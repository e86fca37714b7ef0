package dev.berth.export;

import dev.berth.cgroupctl.CpuWeight;
import dev.berth.cgroupctl.Limit;
import dev.berth.cgroupctl.Pressure;
import dev.berth.collectors.ContainerIdentity;
import dev.berth.collectors.ContainerSample;
import dev.berth.collectors.ContainerState;
import dev.berth.collectors.proc.BlockDevice;
import dev.berth.collectors.proc.NetDevCounters;
import io.prometheus.metrics.model.snapshots.Labels;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The per-container metrics of one sample: cAdvisor's names, types and labels (so that existing dashboards and
 * alerts work unchanged), then berth's own {@code berth_container_*} for what cAdvisor lacks.
 *
 * <p>Labels: {@code id} (the cgroup path, as cAdvisor), {@code name}, {@code image} where known, {@code runtime},
 * and {@code pod} for a Kubernetes container. Where berth and cAdvisor differ:
 * <ul>
 *   <li>A limit that is not set ({@code max}) is absent, where cAdvisor writes 0 or 2^64: no sentinel numbers.
 *   <li>{@code container_memory_failcnt} is a gauge where cAdvisor's type says counter: client_java 1.x writes
 *       every counter as {@code NAME_total}, and the name is what queries match. v1: {@code memory.failcnt}.
 *       v2 has no such file; cAdvisor reports runc's {@code Usage.Failcnt} there, which its cgroup v2 code never
 *       fills (always 0), while berth reports {@code memory.events max}, the kernel's own count of charges that
 *       reached {@code memory.max}, so that {@code increase(container_memory_failcnt[5m]) > 0} means the same
 *       on both. Read on the slow cadence: v1's with the limits (up to 30 s late), v2's with the memory events (up
 *       to 10 s late).
 *   <li>{@code container_spec_cpu_shares}: v1 {@code cpu.shares} as written; v2 {@code cpu.weight} mapped back
 *       to shares as cAdvisor does ({@code convertCPUWeightToCPULimit}: {@code 2 + (weight - 1) * 262142 / 9999},
 *       integer division, so weight 100 is 2597 there, not the kernel's 1024).
 *   <li>{@code container_spec_memory_swap_limit_bytes}: what cAdvisor reads, which differs by version: v1
 *       {@code memory.memsw.limit_in_bytes} (memory <em>plus</em> swap), v2 {@code memory.swap.max} (swap alone).
 *   <li>{@code container_start_time_seconds}: the cgroup's creation time as cAdvisor's raw handler estimates it
 *       (the oldest mtime of the cgroup directory and of {@code cgroup.clone_children} (v1) or
 *       {@code cgroup.events} (v2), see {@code Cgroup#readCreationTime}), for berth's own containers too: it is
 *       the time the cgroup appeared, not when the command was started. cAdvisor's docker handler reports
 *       docker's creation time instead, and clamps the estimate to the boot time; berth does neither.
 *   <li>{@code image}: for berth's own containers, the {@code --rootfs} they were started with (berth has no
 *       other kind of image); for docker and podman, the image the user named, from their state on disk (cAdvisor
 *       asks the docker or podman API for the same name). Where the image is not known (any other cgroup, or a
 *       runtime's state berth cannot read) the label is absent, where cAdvisor writes {@code image=""} (it gives
 *       every series the union of all containers' label names). Prometheus treats an empty label as an absent
 *       one, so the two select the same series: {@code {image!=""}}, the filter kube-prometheus and dockprom use
 *       to keep containers and drop the other cgroups, matches exactly the containers with a known image.
 *   <li>Network counters leave out {@code lo} (as berth's totals; its traffic never leaves the container), and a
 *       container in the host's network namespace has none: that traffic is the host's.
 *   <li>{@code container_oom_events_total} is {@code memory.events oom_kill} (v1 {@code oom_control oom_kill}).
 * </ul>
 * Stateless.
 */
final class ContainerMetrics {
    private ContainerMetrics() {
    }

    /**
     * The labels cAdvisor puts on every container series: {@code id}, {@code name}, {@code image} when known, plus
     * {@code runtime}, {@code pod}.
     */
    static Labels labels(ContainerIdentity id, Optional<String> image) {
        Labels l = Labels.of("id", id.cgroup(), "name", id.name(), "runtime", id.runtime().label());
        if (image.isPresent()) {
            l = l.add("image", image.get());
        }
        return id.pod().isPresent() ? l.add("pod", id.pod().get()) : l;
    }

    /** Adds every series of {@code s}, whose image is {@code image} if known, to {@code f}. */
    static void add(Families f, ContainerSample s, Optional<String> image) {
        Labels l = labels(s.identity(), image);
        cpu(f, l, s.cpu());
        memory(f, l, s.memory());
        s.io().ifPresent(devices -> io(f, l, devices));
        s.net().ifPresent(ifaces -> net(f, l, ifaces));
        f.gauge("container_threads", "Number of threads (pids.current)", l, s.pids().current());
        f.gauge("container_threads_max", "Maximum number of threads (pids.max); absent when unlimited", l,
                limit(s.pids().limit()));
        pressure(f, l, "cpu", s.cpuPressure());
        pressure(f, l, "memory", s.memoryPressure());
        pressure(f, l, "io", s.ioPressure());
        f.gauge("container_last_seen", "Last time a container was seen by the exporter", l,
                OptionalDouble.of(s.at().toEpochMilli() / 1e3));
        spec(f, l, s.spec());
        berth(f, l, s);
    }

    private static void cpu(Families f, Labels l, ContainerSample.Cpu c) {
        f.counter("container_cpu_usage_seconds", "Cumulative cpu time consumed in seconds.", l, seconds(c.usageUsec()));
        f.counter("container_cpu_user_seconds", "Cumulative user cpu time consumed in seconds.", l,
                seconds(c.userUsec()));
        f.counter("container_cpu_system_seconds", "Cumulative system cpu time consumed in seconds.", l,
                seconds(c.systemUsec()));
        f.counter("container_cpu_cfs_periods", "Number of elapsed enforcement period intervals.", l, c.periods());
        f.counter("container_cpu_cfs_throttled_periods", "Number of throttled period intervals.", l,
                c.throttledPeriods());
        f.counter("container_cpu_cfs_throttled_seconds", "Total time duration the container has been throttled.", l,
                seconds(c.throttledUsec()));
        f.gauge("container_spec_cpu_quota", "CPU quota of the container (microseconds per period); absent when "
                + "unlimited", l, limit(c.quotaUsec()));
        f.gauge("container_spec_cpu_period", "CPU period of the container (microseconds).", l, c.periodUsec());
    }

    private static void memory(Families f, Labels l, ContainerSample.Memory m) {
        f.gauge("container_memory_usage_bytes", "Current memory usage in bytes, including all memory regardless of "
                + "when it was accessed", l, m.usageBytes());
        OptionalLong ws = m.usageBytes().isPresent() && m.inactiveFileBytes().isPresent()
                ? OptionalLong.of(Math.max(0, m.usageBytes().getAsLong() - m.inactiveFileBytes().getAsLong()))
                : OptionalLong.empty();
        f.gauge("container_memory_working_set_bytes", "Current working set in bytes (usage - inactive_file).", l, ws);
        f.gauge("container_memory_rss", "Size of RSS in bytes (memory.stat anon, v1 total_rss).", l, m.anonBytes());
        f.gauge("container_memory_cache", "Number of bytes of page cache memory (memory.stat file, v1 total_cache).",
                l, m.fileBytes());
        f.gauge("container_memory_swap", "Container swap usage in bytes.", l, m.swapBytes());
        f.counter("container_oom_events", "Count of out of memory events observed for the container (oom_kill)", l,
                m.oomKills());
        f.gauge("container_spec_memory_limit_bytes", "Memory limit for the container; absent when unlimited", l,
                limit(m.limitBytes()));
    }

    private static void io(Families f, Labels l, List<ContainerSample.IoDevice> devices) {
        for (ContainerSample.IoDevice d : devices) {
            Labels dl = l.add("device", deviceName(d.device()));
            f.counter("container_fs_reads_bytes", "Cumulative count of bytes read", dl, OptionalLong.of(d.readBytes()));
            f.counter("container_fs_writes_bytes", "Cumulative count of bytes written", dl,
                    OptionalLong.of(d.writeBytes()));
            f.counter("container_fs_reads", "Cumulative count of reads completed", dl, OptionalLong.of(d.readOps()));
            f.counter("container_fs_writes", "Cumulative count of writes completed", dl, OptionalLong.of(d.writeOps()));
        }
    }

    /** {@code /dev/sda} as cAdvisor writes it; a device sysfs does not know keeps its {@code MAJ:MIN}. */
    static String deviceName(BlockDevice d) {
        String name = d.name();
        int paren = name.indexOf('(');
        String kernel = paren < 0 ? name : name.substring(0, paren);
        return kernel.equals(d.major() + ":" + d.minor()) ? kernel : "/dev/" + kernel;
    }

    private static void net(Families f, Labels l, List<NetDevCounters> ifaces) {
        for (NetDevCounters n : ifaces) {
            if (n.loopback()) {
                continue;
            }
            Labels il = l.add("interface", n.iface());
            f.counter("container_network_receive_bytes", "Cumulative count of bytes received", il,
                    OptionalLong.of(n.rxBytes()));
            f.counter("container_network_transmit_bytes", "Cumulative count of bytes transmitted", il,
                    OptionalLong.of(n.txBytes()));
            f.counter("container_network_receive_packets", "Cumulative count of packets received", il,
                    OptionalLong.of(n.rxPackets()));
            f.counter("container_network_transmit_packets", "Cumulative count of packets transmitted", il,
                    OptionalLong.of(n.txPackets()));
        }
    }

    private static void pressure(Families f, Labels l, String resource, Optional<Pressure> psi) {
        f.counter("container_pressure_" + resource + "_waiting_seconds", "Total time duration tasks in the container "
                + "have waited due to " + resource + " congestion (PSI some).", l,
                psi.isPresent() ? OptionalDouble.of(psi.get().some().totalUsec() / 1e6) : OptionalDouble.empty());
        f.counter("container_pressure_" + resource + "_stalled_seconds", "Total time duration no tasks in the "
                + "container could make progress due to " + resource + " congestion (PSI full).", l,
                seconds(psi.flatMap(Pressure::full).map(line -> OptionalLong.of(line.totalUsec())).orElse(OptionalLong.empty())));
        String help = "Share of wall time in which some (kind=some) or all (kind=full) tasks were stalled on the "
                + "resource, averaged over the window (PSI avg10, avg60; 1 = always)";
        Labels rl = l.add("resource", resource);
        psi.ifPresent(p -> {
            f.gauge("berth_container_pressure_ratio", help, rl.add("kind", "some").add("window", "10s"),
                    OptionalDouble.of(p.some().avg10() / 100));
            f.gauge("berth_container_pressure_ratio", help, rl.add("kind", "some").add("window", "60s"),
                    OptionalDouble.of(p.some().avg60() / 100));
            f.gauge("berth_container_pressure_ratio", help, rl.add("kind", "full").add("window", "10s"),
                    p.full().map(line -> OptionalDouble.of(line.avg10() / 100)).orElse(OptionalDouble.empty()));
        });
    }

    private static void spec(Families f, Labels l, ContainerSample.Spec spec) {
        f.gauge("container_memory_failcnt", "Number of memory usage hits limits (v1 memory.failcnt, v2 "
                + "memory.events max)", l, spec.memoryLimitHits());
        f.gauge("container_spec_cpu_shares", "CPU share of the container.", l,
                spec.cpuWeight().map(ContainerMetrics::shares).orElse(OptionalLong.empty()));
        Optional<Limit> swap = spec.memoryAndSwapLimitBytes().isPresent() ? spec.memoryAndSwapLimitBytes()
                : spec.swapLimitBytes();
        f.gauge("container_spec_memory_swap_limit_bytes", "Memory swap limit for the container (v1 memory+swap, v2 "
                + "swap alone, as cAdvisor); absent when unlimited", l, limit(swap));
        f.gauge("container_start_time_seconds", "Start time of the container since unix epoch in seconds (the "
                + "cgroup's creation, as cAdvisor estimates it).", l,
                spec.createdAt().map(ContainerMetrics::epochSeconds).orElse(OptionalDouble.empty()));
        f.gauge("berth_container_memory_high_bytes", "Memory throttling limit (memory.high); absent when unlimited "
                + "and on cgroup v1, which has no such knob", l, limit(spec.memoryHighBytes()));
    }

    /**
     * cAdvisor's {@code container_spec_cpu_shares}: the shares v1 shows, else the v2 weight mapped back with
     * cAdvisor's linear formula. Package-private for testing.
     */
    static OptionalLong shares(CpuWeight w) {
        if (w.shares().isPresent()) {
            return w.shares();
        }
        return OptionalLong.of(2 + (w.weight() - 1) * 262_142 / 9_999);
    }

    private static OptionalDouble epochSeconds(Instant t) {
        return OptionalDouble.of(t.getEpochSecond() + t.getNano() / 1e9);
    }

    private static void berth(Families f, Labels l, ContainerSample s) {
        f.gauge("berth_container_frozen", "1 when the container's freezer is FROZEN or FREEZING, else 0", l,
                OptionalLong.of(s.state() == ContainerState.FROZEN ? 1 : 0));
        ContainerSample.Cpu c = s.cpu();
        OptionalDouble cpus = OptionalDouble.empty();
        if (c.quotaUsec().isPresent() && c.quotaUsec().get().value().isPresent() && c.periodUsec().isPresent()
                && c.periodUsec().getAsLong() > 0) {
            cpus = OptionalDouble.of((double) c.quotaUsec().get().value().getAsLong() / c.periodUsec().getAsLong());
        }
        f.gauge("berth_container_cpu_limit_cpus", "CPU quota in CPUs (quota / period; 0.5 = half a core); absent "
                + "when unlimited", l, cpus);
    }

    private static OptionalDouble seconds(OptionalLong usec) {
        return usec.isPresent() ? OptionalDouble.of(usec.getAsLong() / 1e6) : OptionalDouble.empty();
    }

    /** The number of a finite limit; empty when unlimited or unreadable. */
    private static OptionalLong limit(Optional<Limit> l) {
        return l.isPresent() ? l.get().value() : OptionalLong.empty();
    }
}
