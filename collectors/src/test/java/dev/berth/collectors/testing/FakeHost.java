package dev.berth.collectors.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fake host for tests: a procfs, a sysfs with a cgroup v1, v2 or hybrid layout, and a root with docker/podman
 * state, all under one temp directory ({@code <dir>/proc}, {@code <dir>/sys}, {@code <dir>/var}). File formats
 * follow the kernel's (mountinfo, {@code /proc/cgroups}, {@code cpu.stat}, v1 {@code blkio.throttle.*}, ...);
 * each writer names the kernel file it imitates. Containers are described with {@link FakeContainer} and written
 * with {@link #write()}; change a value and call {@code write()} again for a second sample.
 *
 * <p>Test support, shipped in the collectors test-jar for the console's tests. Not thread-safe.
 */
public final class FakeHost {
    /** The cgroup layouts a host can have. */
    public enum Layout { V1, V2, HYBRID }

    /** Network namespace inode of the fake host (pid 1). */
    public static final long HOST_NETNS = 4026531840L;
    static final List<String> V1_CONTROLLERS = List.of("cpu", "cpuacct", "cpuset", "memory", "devices", "freezer",
            "blkio", "pids");

    private final Path dir;
    private final Layout layout;
    private final Map<String, FakeContainer> containers = new LinkedHashMap<>();
    private final List<String> extraCgroups = new ArrayList<>();
    private long hostCpuTicks = 1000;
    private long diskReadSectors = 2048;
    private long ethRxBytes = 5000;

    private FakeHost(Path dir, Layout layout) {
        this.dir = dir;
        this.layout = layout;
    }

    /** A pure cgroup v2 host (one cgroup2 mount at /sys/fs/cgroup). */
    public static FakeHost v2(Path dir) {
        return new FakeHost(dir, Layout.V2).init();
    }

    /** A pure v1 host (one mount per controller, no cgroup2). */
    public static FakeHost v1(Path dir) {
        return new FakeHost(dir, Layout.V1).init();
    }

    /** A hybrid host like the CI VM: v1 controllers plus a controller-less cgroup2 at /sys/fs/cgroup/unified. */
    public static FakeHost hybrid(Path dir) {
        return new FakeHost(dir, Layout.HYBRID).init();
    }

    /** One of the three, by layout. */
    public static FakeHost of(Layout layout, Path dir) {
        return new FakeHost(dir, layout).init();
    }

    public Path procfs() {
        return dir.resolve("proc");
    }

    public Path sysfs() {
        return dir.resolve("sys");
    }

    /** Root holding {@code var/lib/docker} and {@code var/lib/containers}. */
    public Path root() {
        return dir;
    }

    public Layout layout() {
        return layout;
    }

    /** Adds (or returns) the container at {@code cgroup}. */
    public FakeContainer container(String cgroup) {
        return containers.computeIfAbsent(cgroup, c -> new FakeContainer(this, c));
    }

    /** Removes a container's cgroup directories (as the runtime does when it exits). */
    public void remove(String cgroup) {
        containers.remove(cgroup);
        for (Path h : hierarchies()) {
            deleteTree(h.resolve(cgroup.substring(1)));
        }
    }

    /** Adds an empty cgroup (a slice, a plain directory) with no processes. */
    public FakeHost cgroup(String path) {
        extraCgroups.add(path);
        return this;
    }

    /** Advances host counters (CPU ticks, disk sectors, eth0 bytes) as if {@code seconds} had passed. */
    public FakeHost advanceHost(int seconds) {
        hostCpuTicks += 200L * seconds;
        diskReadSectors += 2048L * seconds;
        ethRxBytes += 1000L * seconds;
        return this;
    }

    /** Writes docker's config.v2.json for {@code id} with {@code name}. */
    public FakeHost dockerName(String id, String name) {
        write(dir.resolve("var/lib/docker/containers/" + id + "/config.v2.json"),
                "{\"ID\":\"" + id + "\",\"Name\":\"/" + name + "\",\"State\":{\"Running\":true}}");
        return this;
    }

    /** Writes podman's containers.json (containers/storage) listing {@code id} with {@code name}. */
    public FakeHost podmanName(String id, String name) {
        write(dir.resolve("var/lib/containers/storage/overlay-containers/containers.json"),
                "[{\"id\":\"" + id + "\",\"names\":[\"" + name + "\"],\"image\":\"abc\",\"layer\":\"def\"}]");
        return this;
    }

    /** (Re)writes every file. */
    public FakeHost write() {
        writeProc();
        writeSys();
        for (String extra : extraCgroups) {
            for (Path h : hierarchies()) {
                Path d = h.resolve(extra.substring(1));
                mkdirs(d);
                write(d.resolve("cgroup.procs"), "");
            }
        }
        for (FakeContainer c : containers.values()) {
            c.write();
        }
        return this;
    }

    private FakeHost init() {
        mkdirs(dir.resolve("proc"));
        return write();
    }

    /** The hierarchy roots: {@code <sys>/fs/cgroup[/<controller>]} and, on hybrid, {@code unified}. */
    List<Path> hierarchies() {
        Path cg = sysfs().resolve("fs/cgroup");
        List<Path> out = new ArrayList<>();
        if (layout == Layout.V2) {
            out.add(cg);
            return out;
        }
        for (String c : V1_CONTROLLERS) {
            out.add(cg.resolve(c));
        }
        out.add(cg.resolve("systemd"));
        if (layout == Layout.HYBRID) {
            out.add(cg.resolve("unified"));
        }
        return out;
    }

    /** The root of {@code hierarchy} (v1: a controller name, {@code systemd} or {@code unified}; ignored on v2). */
    public Path cgroupRoot(String hierarchy) {
        return layout == Layout.V2 ? sysfs().resolve("fs/cgroup") : sysfs().resolve("fs/cgroup/" + hierarchy);
    }

    private void writeProc() {
        Path p = procfs();
        // /proc/self/mountinfo as util-linux and the kernel print it (Documentation/filesystems/proc.rst 3.5).
        StringBuilder mi = new StringBuilder();
        mi.append("22 1 0:21 / / rw,relatime shared:1 - ext4 /dev/vda rw\n");
        mi.append("23 22 0:22 / /proc rw,nosuid,nodev,noexec,relatime shared:5 - proc proc rw\n");
        mi.append("24 22 0:23 / /sys rw,nosuid,nodev,noexec,relatime shared:6 - sysfs sysfs rw\n");
        if (layout == Layout.V2) {
            mi.append("30 24 0:26 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:9 - cgroup2 cgroup2 "
                    + "rw,nsdelegate,memory_recursiveprot\n");
        } else {
            mi.append("31 24 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755\n");
            int id = 32;
            for (String c : V1_CONTROLLERS) {
                mi.append(id).append(" 31 0:").append(id - 3).append(" / /sys/fs/cgroup/").append(c)
                        .append(" rw,relatime - cgroup cgroup rw,").append(c).append('\n');
                id++;
            }
            mi.append(id++).append(" 31 0:40 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd\n");
            if (layout == Layout.HYBRID) {
                mi.append(id).append(" 31 0:41 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw\n");
            }
        }
        write(p.resolve("self/mountinfo"), mi.toString());
        StringBuilder cgroups = new StringBuilder("#subsys_name\thierarchy\tnum_cgroups\tenabled\n");
        int h = 1;
        for (String c : V1_CONTROLLERS) {
            cgroups.append(c).append('\t').append(layout == Layout.V2 ? 0 : h++).append("\t1\t1\n");
        }
        write(p.resolve("cgroups"), cgroups.toString());
        long t = hostCpuTicks;
        write(p.resolve("stat"), "cpu  " + t + " 0 " + t / 2 + " " + t * 3 + " 10 0 5 0 0 0\n"
                + "cpu0 " + t / 2 + " 0 " + t / 4 + " " + t * 3 / 2 + " 5 0 2 0 0 0\n"
                + "cpu1 " + t / 2 + " 0 " + t / 4 + " " + t * 3 / 2 + " 5 0 3 0 0 0\n"
                + "intr 12345 0 0\nctxt 99999\nbtime 1700000000\nprocesses 4242\nprocs_running 2\nprocs_blocked 0\n"
                + "softirq 100 0 0 0 0 0 0 0 0 0 0\n");
        write(p.resolve("meminfo"), """
                MemTotal:        2000000 kB
                MemFree:          500000 kB
                MemAvailable:    1500000 kB
                Buffers:           10000 kB
                Cached:           800000 kB
                SwapCached:            0 kB
                SwapTotal:             0 kB
                SwapFree:              0 kB
                """);
        write(p.resolve("loadavg"), "0.50 0.40 0.30 2/120 4242\n");
        // /proc/diskstats, 20 fields (Linux 5.5+): a disk with one partition, a dm device on top, a loop device.
        write(p.resolve("diskstats"), String.format(
                "   8       0 sda 100 0 %d 50 20 0 4096 10 0 60 60 0 0 0 0 0 0 0%n"
                + "   8       1 sda1 90 0 %d 45 20 0 4096 10 0 55 55 0 0 0 0 0 0 0%n"
                + " 253       0 dm-0 80 0 %d 40 20 0 4096 10 0 50 50 0 0 0 0 0 0 0%n"
                + "   7       0 loop0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0%n",
                diskReadSectors, diskReadSectors, diskReadSectors));
        write(p.resolve("1/net/dev"), netDev(Map.of("lo", new long[] {100, 1}, "eth0", new long[] {ethRxBytes, 10})));
        symlink(p.resolve("1/ns/net"), "net:[" + HOST_NETNS + "]");
        write(p.resolve("1/stat"), "1 (systemd) S 0 1 1 0 -1 4194560 1 0 0 0 50 30 0 0 20 0 1 0 10 1000 300 "
                + "18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0\n");
        write(p.resolve("1/cmdline"), "/sbin/init\0");
    }

    private void writeSys() {
        Path block = sysfs().resolve("dev/block");
        blockDev(block.resolve("8:0"), "sda", false, false);
        blockDev(block.resolve("8:1"), "sda1", true, false);
        blockDev(block.resolve("253:0"), "dm-0", false, true);
        write(block.resolve("253:0/dm/name"), "vg-root\n");
        blockDev(block.resolve("7:0"), "loop0", false, false);
        mkdirs(block.resolve("7:0/loop"));
        for (Path h : hierarchies()) {
            mkdirs(h);
            if (!Files.exists(h.resolve("cgroup.procs"))) {
                write(h.resolve("cgroup.procs"), "1\n");
            }
        }
        if (layout == Layout.V2) {
            write(cgroupRoot("").resolve("cgroup.controllers"), "cpuset cpu io memory hugetlb pids rdma misc\n");
            write(cgroupRoot("").resolve("cgroup.subtree_control"), "cpuset cpu io memory pids\n");
        } else if (layout == Layout.HYBRID) {
            write(cgroupRoot("unified").resolve("cgroup.controllers"), "");
        }
    }

    private static void blockDev(Path d, String name, boolean partition, boolean stacked) {
        write(d.resolve("uevent"), "MAJOR=0\nMINOR=0\nDEVNAME=" + name + "\nDEVTYPE="
                + (partition ? "partition" : "disk") + "\n");
        if (partition) {
            write(d.resolve("partition"), "1\n");
        }
        mkdirs(d.resolve("slaves"));
        if (stacked) {
            write(d.resolve("slaves/sda1"), "");
        }
    }

    /** {@code /proc/<pid>/net/dev} text for interfaces name → {rx bytes, rx packets} (tx = rx / 2). */
    static String netDev(Map<String, long[]> ifaces) {
        StringBuilder sb = new StringBuilder(
                "Inter-|   Receive                                                |  Transmit\n"
                + " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop "
                + "fifo colls carrier compressed\n");
        new java.util.TreeMap<>(ifaces).forEach((n, v) -> sb.append(String.format(
                "%6s: %d %d 0 0 0 0 0 0 %d %d 0 0 0 0 0 0%n", n, v[0], v[1], v[0] / 2, v[1] / 2)));
        return sb.toString();
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void symlink(Path link, String target) {
        try {
            Files.createDirectories(link.getParent());
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, Path.of(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void mkdirs(Path d) {
        try {
            Files.createDirectories(d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (var s = Files.walk(p)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.delete(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
