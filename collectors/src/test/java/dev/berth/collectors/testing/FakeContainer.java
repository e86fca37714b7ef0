package dev.berth.collectors.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One container cgroup of a {@link FakeHost}: its counters and limits, written in the files of the host's layout.
 * Setters return {@code this}; {@link FakeHost#write()} (or {@link #write()}) puts them on disk. Values that are
 * {@code null} leave the file out (the controller is "unavailable").
 */
public final class FakeContainer {
    private final FakeHost host;
    private final String cgroup;
    public List<Long> pids = new ArrayList<>();
    public long cpuUsageUsec = 1_000_000;
    public long userUsec = 600_000;
    public long systemUsec = 400_000;
    /** null = "max". */
    public Long quotaUsec;
    public long periodUsec = 100_000;
    public long nrPeriods = 10;
    public long nrThrottled = 2;
    public long throttledUsec = 50_000;
    public long memoryUsage = 100L << 20;
    /** null = "max". */
    public Long memoryLimit;
    public long anon = 60L << 20;
    public long file = 40L << 20;
    public long inactiveFile = 30L << 20;
    public long oomKills = 0;
    /** v1 {@code memory.failcnt}, v2 {@code memory.events max}. */
    public long limitHits = 0;
    /** v2 {@code memory.high}; null for "max" (v1 has none). */
    public Long memoryHigh;
    /** Swap allowance alone: v2 {@code memory.swap.max}; v1 memsw = memory limit + this. Null for unlimited. */
    public Long swapLimit;
    public long cpuWeight = 100;
    public long cpuShares = 1024;
    /** major:minor → {read bytes, write bytes, read ios, write ios}. */
    public Map<String, long[]> io = new java.util.LinkedHashMap<>();
    public long pidsCurrent = 1;
    /** null = "max". */
    public Long pidsLimit;
    public boolean frozen;
    public boolean writePressure = true;
    /** null = host namespace. */
    public Long netnsInode;
    /** interface → {rx bytes, rx packets}. */
    public Map<String, long[]> net = new java.util.LinkedHashMap<>();

    FakeContainer(FakeHost host, String cgroup) {
        this.host = host;
        this.cgroup = cgroup;
    }

    /** The cgroup path, "/"-rooted. */
    public String cgroup() {
        return cgroup;
    }

    /** Sets the member pids; each gets a {@code /proc/<pid>} with stat, cmdline, ns/net and net/dev. */
    public FakeContainer pids(long... p) {
        pids = new ArrayList<>();
        for (long x : p) {
            pids.add(x);
        }
        pidsCurrent = p.length;
        return this;
    }

    /** Puts the container in its own network namespace with the given interfaces. */
    public FakeContainer netns(long inode, Map<String, long[]> ifaces) {
        netnsInode = inode;
        net = new java.util.LinkedHashMap<>(ifaces);
        return this;
    }

    /** Writes this container's files. */
    public FakeContainer write() {
        String rel = cgroup.substring(1);
        String procs = pidsText();
        if (host.layout() == FakeHost.Layout.V2) {
            writeV2(host.cgroupRoot("").resolve(rel), procs);
        } else {
            writeV1(rel, procs);
        }
        for (long pid : pids) {
            Path p = host.procfs().resolve(Long.toString(pid));
            FakeHost.write(p.resolve("stat"), pid + " (worker " + pid + ") S 1 " + pid + " " + pid
                    + " 0 -1 4194560 100 0 0 0 " + (cpuUsageUsec / 10_000) + " 5 0 0 20 0 1 0 " + (1000 + pid)
                    + " 10000000 2560 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0\n");
            FakeHost.write(p.resolve("cmdline"), "/bin/worker\0--id\0" + pid + "\0");
            FakeHost.symlink(p.resolve("ns/net"), "net:[" + (netnsInode == null ? FakeHost.HOST_NETNS : netnsInode)
                    + "]");
            if (netnsInode != null) {
                FakeHost.write(p.resolve("net/dev"), FakeHost.netDev(net));
            }
        }
        return this;
    }

    private String pidsText() {
        StringBuilder sb = new StringBuilder();
        pids.forEach(p -> sb.append(p).append('\n'));
        return sb.toString();
    }

    private void writeV2(Path d, String procs) {
        FakeHost.write(d.resolve("cgroup.procs"), procs);
        FakeHost.write(d.resolve("cgroup.controllers"), "cpuset cpu io memory pids\n");
        FakeHost.write(d.resolve("cgroup.events"), "populated " + (pids.isEmpty() ? 0 : 1) + "\nfrozen "
                + (frozen ? 1 : 0) + "\n");
        FakeHost.write(d.resolve("cgroup.freeze"), frozen ? "1\n" : "0\n");
        // cpu.stat with the cpu controller enabled (Linux 6.x prints the nr_* lines and burst fields).
        FakeHost.write(d.resolve("cpu.stat"), "usage_usec " + cpuUsageUsec + "\nuser_usec " + userUsec
                + "\nsystem_usec " + systemUsec + "\ncore_sched.force_idle_usec 0\nnr_periods " + nrPeriods
                + "\nnr_throttled " + nrThrottled + "\nthrottled_usec " + throttledUsec
                + "\nnr_bursts 0\nburst_usec 0\n");
        FakeHost.write(d.resolve("cpu.max"), (quotaUsec == null ? "max" : quotaUsec) + " " + periodUsec + "\n");
        FakeHost.write(d.resolve("cpu.weight"), cpuWeight + "\n");
        FakeHost.write(d.resolve("memory.current"), memoryUsage + "\n");
        FakeHost.write(d.resolve("memory.max"), (memoryLimit == null ? "max" : memoryLimit.toString()) + "\n");
        FakeHost.write(d.resolve("memory.high"), (memoryHigh == null ? "max" : memoryHigh.toString()) + "\n");
        FakeHost.write(d.resolve("memory.swap.current"), "0\n");
        FakeHost.write(d.resolve("memory.swap.max"), (swapLimit == null ? "max" : swapLimit.toString()) + "\n");
        FakeHost.write(d.resolve("memory.stat"), "anon " + anon + "\nfile " + file + "\nkernel 1048576\nshmem 0\n"
                + "active_anon " + anon + "\ninactive_anon 0\nactive_file " + (file - inactiveFile)
                + "\ninactive_file " + inactiveFile + "\nunevictable 0\npgfault 100\n");
        FakeHost.write(d.resolve("memory.events"), "low 0\nhigh 0\nmax " + limitHits + "\noom " + oomKills + "\noom_kill " + oomKills
                + "\noom_group_kill 0\n");
        StringBuilder ioStat = new StringBuilder();
        io.forEach((dev, v) -> ioStat.append(dev).append(" rbytes=").append(v[0]).append(" wbytes=").append(v[1])
                .append(" rios=").append(v[2]).append(" wios=").append(v[3]).append(" dbytes=0 dios=0\n"));
        FakeHost.write(d.resolve("io.stat"), ioStat.toString());
        FakeHost.write(d.resolve("pids.current"), pidsCurrent + "\n");
        FakeHost.write(d.resolve("pids.max"), (pidsLimit == null ? "max" : pidsLimit.toString()) + "\n");
        if (writePressure) {
            pressure(d);
        }
    }

    private static void pressure(Path d) {
        FakeHost.write(d.resolve("cpu.pressure"), "some avg10=1.50 avg60=1.00 avg300=0.50 total=123456\n"
                + "full avg10=0.00 avg60=0.00 avg300=0.00 total=0\n");
        FakeHost.write(d.resolve("memory.pressure"), "some avg10=0.00 avg60=0.00 avg300=0.00 total=0\n"
                + "full avg10=0.00 avg60=0.00 avg300=0.00 total=0\n");
        FakeHost.write(d.resolve("io.pressure"), "some avg10=2.00 avg60=1.00 avg300=0.10 total=999\n"
                + "full avg10=1.00 avg60=0.50 avg300=0.05 total=500\n");
    }

    private void writeV1(String rel, String procs) {
        for (String c : FakeHost.V1_CONTROLLERS) {
            FakeHost.write(host.cgroupRoot(c).resolve(rel).resolve("cgroup.procs"), procs);
            FakeHost.write(host.cgroupRoot(c).resolve(rel).resolve("tasks"), procs);
        }
        FakeHost.write(host.cgroupRoot("systemd").resolve(rel).resolve("cgroup.procs"), procs);
        Path cpu = host.cgroupRoot("cpu").resolve(rel);
        FakeHost.write(cpu.resolve("cpu.cfs_quota_us"), (quotaUsec == null ? -1 : quotaUsec) + "\n");
        FakeHost.write(cpu.resolve("cpu.cfs_period_us"), periodUsec + "\n");
        FakeHost.write(cpu.resolve("cpu.shares"), cpuShares + "\n");
        // v1 cpu.stat: throttled_time is in nanoseconds.
        FakeHost.write(cpu.resolve("cpu.stat"), "nr_periods " + nrPeriods + "\nnr_throttled " + nrThrottled
                + "\nthrottled_time " + throttledUsec * 1000 + "\nnr_bursts 0\nburst_time 0\n");
        Path acct = host.cgroupRoot("cpuacct").resolve(rel);
        FakeHost.write(acct.resolve("cpuacct.usage"), cpuUsageUsec * 1000 + "\n");
        FakeHost.write(acct.resolve("cpuacct.usage_user"), userUsec * 1000 + "\n");
        FakeHost.write(acct.resolve("cpuacct.usage_sys"), systemUsec * 1000 + "\n");
        FakeHost.write(acct.resolve("cpuacct.stat"), "user " + userUsec / 10_000 + "\nsystem " + systemUsec / 10_000
                + "\n");
        Path mem = host.cgroupRoot("memory").resolve(rel);
        FakeHost.write(mem.resolve("memory.usage_in_bytes"), memoryUsage + "\n");
        // v1 prints "unlimited" as the largest multiple of the page size below LONG_MAX.
        FakeHost.write(mem.resolve("memory.limit_in_bytes"),
                (memoryLimit == null ? 9223372036854771712L : memoryLimit) + "\n");
        FakeHost.write(mem.resolve("memory.failcnt"), limitHits + "\n");
        FakeHost.write(mem.resolve("memory.memsw.usage_in_bytes"), memoryUsage + "\n");
        FakeHost.write(mem.resolve("memory.memsw.limit_in_bytes"), (memoryLimit == null || swapLimit == null
                ? 9223372036854771712L : memoryLimit + swapLimit) + "\n");
        FakeHost.write(mem.resolve("memory.stat"), "cache " + file + "\nrss " + anon + "\nrss_huge 0\nshmem 0\n"
                + "mapped_file 0\ninactive_anon 0\nactive_anon " + anon + "\ninactive_file " + inactiveFile
                + "\nactive_file " + (file - inactiveFile) + "\nunevictable 0\nhierarchical_memory_limit "
                + "9223372036854771712\ntotal_cache " + file + "\ntotal_rss " + anon + "\ntotal_inactive_file "
                + inactiveFile + "\ntotal_active_file " + (file - inactiveFile) + "\n");
        FakeHost.write(mem.resolve("memory.oom_control"), "oom_kill_disable 0\nunder_oom 0\noom_kill " + oomKills
                + "\n");
        Path blkio = host.cgroupRoot("blkio").resolve(rel);
        StringBuilder bytes = new StringBuilder();
        StringBuilder ios = new StringBuilder();
        long tb = 0;
        long ti = 0;
        for (Map.Entry<String, long[]> e : io.entrySet()) {
            long[] v = e.getValue();
            bytes.append(blkio(e.getKey(), v[0], v[1]));
            ios.append(blkio(e.getKey(), v[2], v[3]));
            tb += v[0] + v[1];
            ti += v[2] + v[3];
        }
        bytes.append("Total ").append(tb).append('\n');
        ios.append("Total ").append(ti).append('\n');
        for (String suffix : List.of("", "_recursive")) {
            FakeHost.write(blkio.resolve("blkio.throttle.io_service_bytes" + suffix), bytes.toString());
            FakeHost.write(blkio.resolve("blkio.throttle.io_serviced" + suffix), ios.toString());
        }
        Path pidsDir = host.cgroupRoot("pids").resolve(rel);
        FakeHost.write(pidsDir.resolve("pids.current"), pidsCurrent + "\n");
        FakeHost.write(pidsDir.resolve("pids.max"), (pidsLimit == null ? "max" : pidsLimit.toString()) + "\n");
        FakeHost.write(host.cgroupRoot("freezer").resolve(rel).resolve("freezer.state"),
                frozen ? "FROZEN\n" : "THAWED\n");
        if (host.layout() == FakeHost.Layout.HYBRID) {
            Path u = host.cgroupRoot("unified").resolve(rel);
            FakeHost.write(u.resolve("cgroup.procs"), procs);
            FakeHost.write(u.resolve("cgroup.events"), "populated " + (pids.isEmpty() ? 0 : 1) + "\nfrozen 0\n");
            FakeHost.write(u.resolve("cgroup.freeze"), "0\n");
            FakeHost.write(u.resolve("cpu.stat"), "usage_usec " + cpuUsageUsec + "\nuser_usec " + userUsec
                    + "\nsystem_usec " + systemUsec + "\ncore_sched.force_idle_usec 0\n");
            if (writePressure) {
                pressure(u);
            }
        }
    }

    private static String blkio(String dev, long read, long write) {
        // blkio.throttle.io_service_bytes: one line per device and operation, as blkcg_print_rwstat prints it.
        return dev + " Read " + read + "\n" + dev + " Write " + write + "\n" + dev + " Sync " + (read + write) + "\n"
                + dev + " Async 0\n" + dev + " Discard 0\n" + dev + " Total " + (read + write) + "\n";
    }
}
