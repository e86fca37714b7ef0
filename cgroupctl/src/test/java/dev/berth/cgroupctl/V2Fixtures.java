package dev.berth.cgroupctl;

import static dev.berth.cgroupctl.Fixtures.CRI_ID;
import static dev.berth.cgroupctl.Fixtures.DOCKER_ID;
import static dev.berth.cgroupctl.Fixtures.LIBPOD_ID;
import static dev.berth.cgroupctl.Fixtures.POD_UID;
import static dev.berth.cgroupctl.Fixtures.psi;

import dev.berth.cgroupctl.Fixtures.Expected;
import dev.berth.cgroupctl.Fixtures.Scenario;
import dev.berth.cgroupctl.testing.FakeCgroupTree;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/** The pure cgroup v2 fixture hosts of {@link Fixtures} (provenance in its class comment). */
final class V2Fixtures {
    private V2Fixtures() {
    }

    /** memory.stat of Linux 6.1 (Debian 12): the key set and order that kernel prints. */
    static final String V2_MEMORY_STAT_6_1 = """
            anon 31457280
            file 20971520
            kernel 1941504
            kernel_stack 131072
            pagetables 430080
            sec_pagetables 0
            percpu 1200
            sock 0
            vmalloc 0
            shmem 0
            zswap 0
            zswapped 0
            file_mapped 9437184
            file_dirty 0
            file_writeback 0
            swapcached 0
            anon_thp 0
            file_thp 0
            shmem_thp 0
            inactive_anon 31440896
            active_anon 16384
            inactive_file 16777216
            active_file 4194304
            unevictable 0
            slab_reclaimable 561032
            slab_unreclaimable 790352
            slab 1351384
            workingset_refault_anon 0
            workingset_refault_file 0
            workingset_activate_anon 0
            workingset_activate_file 0
            workingset_restore_anon 0
            workingset_restore_file 0
            workingset_nodereclaim 0
            pgscan 0
            pgsteal 0
            pgscan_kswapd 0
            pgscan_direct 0
            pgsteal_kswapd 0
            pgsteal_direct 0
            pgfault 14251
            pgmajfault 57
            pgrefill 0
            pgactivate 1024
            pgdeactivate 0
            pglazyfree 0
            pglazyfreed 0
            zswpin 0
            zswpout 0
            thp_fault_alloc 0
            thp_collapse_alloc 0
            """;

    /** Docker with the systemd driver on Debian 12 (Linux 6.1, pure v2): 2 CPUs, 512 MiB, 1 MiB/s read on sda. */
    static Scenario v2DockerSystemd() {
        String p = "/system.slice/docker-" + DOCKER_ID + ".scope";
        Function<Path, FakeCgroupTree> tree = root -> {
            FakeCgroupTree t = FakeCgroupTree.v2(root);
            t.unified(p).file("cgroup.procs", "1931\n1987\n1988\n")
                    .file("cgroup.controllers", "cpuset cpu io memory hugetlb pids rdma misc\n")
                    .file("cgroup.events", "populated 1\nfrozen 0\n").file("cgroup.freeze", "0\n")
                    .file("cpu.stat", "usage_usec 1834921\nuser_usec 1102345\nsystem_usec 732576\n"
                            + "nr_periods 120\nnr_throttled 8\nthrottled_usec 93211\nnr_bursts 0\nburst_usec 0\n")
                    .file("cpu.max", "200000 100000\n").file("cpu.weight", "100\n")
                    .file("cpuset.cpus", "\n").file("cpuset.cpus.effective", "0-3\n")
                    .file("cpuset.mems", "\n").file("cpuset.mems.effective", "0\n")
                    .file("memory.current", "58720256\n").file("memory.max", "536870912\n")
                    .file("memory.high", "max\n").file("memory.swap.max", "536870912\n")
                    .file("memory.swap.current", "0\n").file("memory.stat", V2_MEMORY_STAT_6_1)
                    .file("memory.events", "low 0\nhigh 0\nmax 0\noom 0\noom_kill 0\noom_group_kill 0\n")
                    .file("io.stat", "8:0 rbytes=1228800 wbytes=4096 rios=37 wios=1 dbytes=0 dios=0\n"
                            + "253:0 rbytes=1228800 wbytes=4096 rios=37 wios=1 dbytes=0 dios=0\n")
                    .file("io.max", "8:0 rbps=1048576 wbps=max riops=max wiops=max\n")
                    .file("pids.current", "3\n").file("pids.max", "max\n")
                    .file("cpu.pressure", "some avg10=0.00 avg60=0.02 avg300=0.00 total=101827\n"
                            + "full avg10=0.00 avg60=0.00 avg300=0.00 total=55432\n");
            t.proc(1931, "0::/system.slice/docker-" + DOCKER_ID + ".scope\n");
            return t;
        };
        return new Scenario("v2 docker systemd driver (Debian 12, 6.1)", Layout.V2, tree, p, new Expected(
                List.of(1931L, 1987L, 1988L),
                new CpuUsage(1834921, OptionalLong.of(1102345), OptionalLong.of(732576)),
                Optional.of(new CpuThrottling(120, 8, 93211)),
                Optional.of(new CpuMax(Limit.of(200000), 100000)), Optional.of(new CpuWeight(100)),
                Optional.of(new Cpuset("0-3", "0")),
                new MemoryUsage(58720256, Limit.of(536870912), Limit.UNLIMITED, Optional.of(Limit.of(536870912)),
                        OptionalLong.of(0), OptionalLong.empty()),
                OptionalLong.of(31457280), OptionalLong.of(16777216),
                Optional.of(new MemoryEvents(0, 0, OptionalLong.of(0), OptionalLong.of(0), OptionalLong.of(0),
                        OptionalLong.of(0), OptionalLong.empty())),
                new IoStat(List.of(new IoDeviceStat(8, 0, 1228800, 4096, 37, 1),
                        new IoDeviceStat(253, 0, 1228800, 4096, 37, 1))),
                List.of(new IoLimit(8, 0, IoLimit.Kind.READ_BPS, Limit.of(1048576))),
                new PidsUsage(3, Limit.UNLIMITED), Optional.of(psi(0, 0.02, 0, 101827, 0, 0, 0, 55432)),
                FreezerState.THAWED));
    }

    /**
     * Kubernetes with containerd (systemd driver) on Linux 6.1: a burstable pod container with 500m limit and
     * cpu.weight 4 (100m request via shares 102, converted by runc's linear formula), swap off ({@code 0}),
     * an empty {@code io.stat} (no IO yet) and a freeze requested but not complete ({@code FREEZING}).
     */
    static Scenario v2Kubepods() {
        String p = "/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod" + POD_UID
                + ".slice/cri-containerd-" + CRI_ID + ".scope";
        Function<Path, FakeCgroupTree> tree = root -> {
            FakeCgroupTree t = FakeCgroupTree.v2(root);
            t.unified(p).file("cgroup.procs", "52110\n52177\n")
                    .file("cgroup.events", "populated 1\nfrozen 0\n").file("cgroup.freeze", "1\n")
                    .file("cpu.stat", "usage_usec 77123001\nuser_usec 70001000\nsystem_usec 7122001\n"
                            + "nr_periods 91822\nnr_throttled 2210\nthrottled_usec 301100222\nnr_bursts 0\n"
                            + "burst_usec 0\n")
                    .file("cpu.max", "50000 100000\n").file("cpu.weight", "4\n")
                    .file("cpuset.cpus", "\n").file("cpuset.cpus.effective", "0-7\n")
                    .file("cpuset.mems", "\n").file("cpuset.mems.effective", "0\n")
                    .file("memory.current", "104857600\n").file("memory.max", "268435456\n")
                    .file("memory.high", "max\n").file("memory.swap.max", "0\n").file("memory.swap.current", "0\n")
                    .file("memory.stat", V2_MEMORY_STAT_6_1.replace("anon 31457280", "anon 83886080"))
                    .file("memory.events", "low 0\nhigh 0\nmax 12\noom 1\noom_kill 1\noom_group_kill 0\n")
                    .file("io.stat", "").file("io.max", "")
                    .file("pids.current", "9\n").file("pids.max", "max\n")
                    .file("cpu.pressure", "some avg10=4.51 avg60=3.97 avg300=2.10 total=98120333\n"
                            + "full avg10=4.10 avg60=3.55 avg300=1.88 total=90013552\n");
            return t;
        };
        return new Scenario("v2 kubepods containerd (6.1)", Layout.V2, tree, p, new Expected(
                List.of(52110L, 52177L),
                new CpuUsage(77123001, OptionalLong.of(70001000), OptionalLong.of(7122001)),
                Optional.of(new CpuThrottling(91822, 2210, 301100222)),
                Optional.of(new CpuMax(Limit.of(50000), 100000)), Optional.of(new CpuWeight(4)),
                Optional.of(new Cpuset("0-7", "0")),
                new MemoryUsage(104857600, Limit.of(268435456), Limit.UNLIMITED, Optional.of(Limit.of(0)),
                        OptionalLong.of(0), OptionalLong.empty()),
                OptionalLong.of(83886080), OptionalLong.of(16777216),
                Optional.of(new MemoryEvents(1, 1, OptionalLong.of(0), OptionalLong.of(0), OptionalLong.of(12),
                        OptionalLong.of(0), OptionalLong.empty())),
                new IoStat(List.of()), List.of(), new PidsUsage(9, Limit.UNLIMITED),
                Optional.of(psi(4.51, 3.97, 2.10, 98120333, 4.10, 3.55, 1.88, 90013552)), FreezerState.FREEZING));
    }

    /**
     * Podman (rootful, systemd) on Fedora 39 (Linux 6.5): {@code libpod-<id>.scope}, no CPU or memory limit
     * ({@code max 100000}, {@code max}), podman's default pids limit 2048, pinned to CPU 1, IO on an NVMe disk.
     */
    static Scenario v2Podman() {
        String p = "/machine.slice/libpod-" + LIBPOD_ID + ".scope";
        Function<Path, FakeCgroupTree> tree = root -> {
            FakeCgroupTree t = FakeCgroupTree.v2(root);
            t.unified(p).file("cgroup.procs", "7781\n")
                    .file("cgroup.events", "populated 1\nfrozen 0\n").file("cgroup.freeze", "0\n")
                    .file("cpu.stat", "usage_usec 402113\nuser_usec 301442\nsystem_usec 100671\n"
                            + "core_sched.force_idle_usec 0\nnr_periods 0\nnr_throttled 0\nthrottled_usec 0\n"
                            + "nr_bursts 0\nburst_usec 0\n")
                    .file("cpu.max", "max 100000\n").file("cpu.weight", "100\n")
                    .file("cpuset.cpus", "1\n").file("cpuset.mems", "0\n")
                    .file("memory.current", "8847360\n").file("memory.max", "max\n").file("memory.high", "max\n")
                    .file("memory.swap.max", "max\n").file("memory.swap.current", "0\n")
                    .file("memory.stat", V2_MEMORY_STAT_6_1.replace("anon 31457280", "anon 1130496")
                            .replace("inactive_file 16777216", "inactive_file 5632000"))
                    .file("memory.events", "low 0\nhigh 0\nmax 0\noom 0\noom_kill 0\noom_group_kill 0\n")
                    .file("io.stat", "259:0 rbytes=6684672 wbytes=8192 rios=201 wios=2 dbytes=0 dios=0\n")
                    .file("io.max", "").file("pids.current", "1\n").file("pids.max", "2048\n")
                    .file("cpu.pressure", "some avg10=0.00 avg60=0.00 avg300=0.00 total=1822\n"
                            + "full avg10=0.00 avg60=0.00 avg300=0.00 total=1822\n");
            return t;
        };
        return new Scenario("v2 podman libpod (Fedora 39, 6.5)", Layout.V2, tree, p, new Expected(
                List.of(7781L), new CpuUsage(402113, OptionalLong.of(301442), OptionalLong.of(100671)),
                Optional.of(new CpuThrottling(0, 0, 0)), Optional.of(new CpuMax(Limit.UNLIMITED, 100000)),
                Optional.of(new CpuWeight(100)), Optional.of(new Cpuset("1", "0")),
                new MemoryUsage(8847360, Limit.UNLIMITED, Limit.UNLIMITED, Optional.of(Limit.UNLIMITED),
                        OptionalLong.of(0), OptionalLong.empty()),
                OptionalLong.of(1130496), OptionalLong.of(5632000),
                Optional.of(new MemoryEvents(0, 0, OptionalLong.of(0), OptionalLong.of(0), OptionalLong.of(0),
                        OptionalLong.of(0), OptionalLong.empty())),
                new IoStat(List.of(new IoDeviceStat(259, 0, 6684672, 8192, 201, 2))), List.of(),
                new PidsUsage(1, Limit.of(2048)), Optional.of(psi(0, 0, 0, 1822, 0, 0, 0, 1822)),
                FreezerState.THAWED));
    }

    /**
     * LXC 5 on Ubuntu 22.04 (Linux 5.15): container {@code web} in {@code lxc.payload.web}, frozen by
     * {@code lxc-freeze}; cpuset inherited (empty files, effective lists used); {@code memory.events} without
     * {@code oom_group_kill} (5.15 &lt; 5.17). Some files lack the trailing newline, which readers must accept.
     */
    static Scenario v2Lxc() {
        String p = "/lxc.payload.web";
        Function<Path, FakeCgroupTree> tree = root -> {
            FakeCgroupTree t = FakeCgroupTree.v2(root);
            t.unified(p).file("cgroup.procs", "3120\n3301\n3302\n3350\n")
                    .file("cgroup.events", "populated 1\nfrozen 1\n").file("cgroup.freeze", "1")
                    .file("cpu.stat", "usage_usec 15300221\nuser_usec 9021003\nsystem_usec 6279218\n"
                            + "nr_periods 0\nnr_throttled 0\nthrottled_usec 0")
                    .file("cpu.max", "max 100000").file("cpu.weight", "100")
                    .file("cpuset.cpus", "").file("cpuset.cpus.effective", "0-7")
                    .file("cpuset.mems", "").file("cpuset.mems.effective", "0")
                    .file("memory.current", "201326592").file("memory.max", "1073741824\n")
                    .file("memory.high", "max").file("memory.swap.max", "max").file("memory.swap.current", "4096")
                    .file("memory.stat", "anon 150994944\nfile 41943040\nkernel_stack 442368\n"
                            + "inactive_anon 150978560\nactive_anon 16384\ninactive_file 33554432\n"
                            + "active_file 8388608\nunevictable 0")
                    .file("memory.events", "low 0\nhigh 0\nmax 0\noom 0\noom_kill 0")
                    .file("io.stat", "8:0 rbytes=91226112 wbytes=2306048 rios=3110 wios=281 dbytes=0 dios=0")
                    .file("io.max", "8:0 rbps=max wbps=10485760 riops=max wiops=1000")
                    .file("pids.current", "23").file("pids.max", "max")
                    .file("cpu.pressure", "some avg10=0.00 avg60=0.00 avg300=0.00 total=88012\n"
                            + "full avg10=0.00 avg60=0.00 avg300=0.00 total=0");
            t.proc(3120, "0::/lxc.payload.web\n");
            return t;
        };
        return new Scenario("v2 lxc payload (Ubuntu 22.04, 5.15)", Layout.V2, tree, p, new Expected(
                List.of(3120L, 3301L, 3302L, 3350L),
                new CpuUsage(15300221, OptionalLong.of(9021003), OptionalLong.of(6279218)),
                Optional.of(new CpuThrottling(0, 0, 0)), Optional.of(new CpuMax(Limit.UNLIMITED, 100000)),
                Optional.of(new CpuWeight(100)), Optional.of(new Cpuset("0-7", "0")),
                new MemoryUsage(201326592, Limit.of(1073741824), Limit.UNLIMITED, Optional.of(Limit.UNLIMITED),
                        OptionalLong.of(4096), OptionalLong.empty()),
                OptionalLong.of(150994944), OptionalLong.of(33554432),
                Optional.of(new MemoryEvents(0, 0, OptionalLong.of(0), OptionalLong.of(0), OptionalLong.of(0),
                        OptionalLong.empty(), OptionalLong.empty())),
                new IoStat(List.of(new IoDeviceStat(8, 0, 91226112, 2306048, 3110, 281))),
                List.of(new IoLimit(8, 0, IoLimit.Kind.WRITE_BPS, Limit.of(10485760)),
                        new IoLimit(8, 0, IoLimit.Kind.WRITE_IOPS, Limit.of(1000))),
                new PidsUsage(23, Limit.UNLIMITED), Optional.of(psi(0, 0, 0, 88012, 0, 0, 0, 0)),
                FreezerState.FROZEN));
    }

    /**
     * A systemd service on Debian 11 (Linux 5.10): {@code nginx.service} with no CPU accounting, so the cpu
     * controller is not enabled for it ({@code cpu.stat} has only usage keys; no {@code cpu.max}/{@code cpu.weight})
     * and no cpuset; {@code cpu.pressure} without a {@code full} line (5.10 &lt; 5.13); systemd's default
     * {@code TasksMax} of 4915 (15% of 32768).
     */
    static Scenario v2SystemdService() {
        String p = "/system.slice/nginx.service";
        Function<Path, FakeCgroupTree> tree = root -> {
            FakeCgroupTree t = FakeCgroupTree.v2(root);
            t.unified(p).file("cgroup.procs", "611\n612\n613\n")
                    .file("cgroup.events", "populated 1\nfrozen 0\n").file("cgroup.freeze", "0\n")
                    .file("cpu.stat", "usage_usec 3120044\nuser_usec 1810022\nsystem_usec 1310022\n")
                    .file("memory.current", "6184960\n").file("memory.max", "max\n").file("memory.high", "max\n")
                    .file("memory.swap.max", "max\n").file("memory.swap.current", "0\n")
                    .file("memory.stat", "anon 2703360\nfile 2838528\nkernel_stack 49152\npercpu 0\nsock 0\n"
                            + "shmem 0\nfile_mapped 1486848\nfile_dirty 0\nfile_writeback 0\nanon_thp 0\n"
                            + "inactive_anon 2691072\nactive_anon 12288\ninactive_file 1351680\n"
                            + "active_file 1486848\nunevictable 0\nslab_reclaimable 271360\n"
                            + "slab_unreclaimable 120832\nslab 392192\npgfault 4129\npgmajfault 20\n")
                    .file("memory.events", "low 0\nhigh 0\nmax 0\noom 0\noom_kill 0\n")
                    .file("io.stat", "8:0 rbytes=2539520 wbytes=0 rios=93 wios=0 dbytes=0 dios=0\n")
                    .file("io.max", "").file("pids.current", "3\n").file("pids.max", "4915\n")
                    .file("cpu.pressure", "some avg10=0.00 avg60=0.00 avg300=0.00 total=2213\n");
            t.proc(611, "0::/system.slice/nginx.service\n");
            return t;
        };
        return new Scenario("v2 systemd service (Debian 11, 5.10)", Layout.V2, tree, p, new Expected(
                List.of(611L, 612L, 613L), new CpuUsage(3120044, OptionalLong.of(1810022), OptionalLong.of(1310022)),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                new MemoryUsage(6184960, Limit.UNLIMITED, Limit.UNLIMITED, Optional.of(Limit.UNLIMITED),
                        OptionalLong.of(0), OptionalLong.empty()),
                OptionalLong.of(2703360), OptionalLong.of(1351680),
                Optional.of(new MemoryEvents(0, 0, OptionalLong.of(0), OptionalLong.of(0), OptionalLong.of(0),
                        OptionalLong.empty(), OptionalLong.empty())),
                new IoStat(List.of(new IoDeviceStat(8, 0, 2539520, 0, 93, 0))), List.of(),
                new PidsUsage(3, Limit.of(4915)),
                Optional.of(new Pressure(new PressureLine(0, 0, 0, 2213), Optional.empty())),
                FreezerState.THAWED));
    }
}
