package dev.berth.cgroupctl;

import static dev.berth.cgroupctl.Fixtures.DOCKER_ID;
import static dev.berth.cgroupctl.Fixtures.LIBPOD_ID;
import static dev.berth.cgroupctl.Fixtures.psi;

import dev.berth.cgroupctl.Fixtures.Expected;
import dev.berth.cgroupctl.Fixtures.Scenario;
import dev.berth.cgroupctl.testing.FakeCgroupTree;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The pure cgroup v2 fixture hosts of {@link Fixtures}.
 *
 * <p>Provenance. This machine is hybrid, so no v2 controller file could be captured here. The multi-line statistics
 * files below ({@code cpu.stat}, {@code memory.stat}, {@code io.stat}, {@code cpu.pressure}) are real kernel output
 * published elsewhere, copied byte for byte unless a comment says "edited"; each constant names its source. Files
 * of one scenario come from different hosts, so their numbers are not consistent with each other (e.g.
 * {@code memory.stat} need not add up to {@code memory.current}); each reader is checked against its own file. The
 * single-value files ({@code cgroup.procs}, {@code cpu.max}, {@code cpu.weight}, {@code cpuset.*},
 * {@code memory.current/max/high/swap.*}, {@code pids.*}, {@code io.max} except where noted, {@code cgroup.freeze},
 * {@code cgroup.events}) and every {@code memory.events} are synthesised: values chosen for the scenario, in the format
 * of Documentation/admin-guide/cgroup-v2.rst. No public {@code memory.events} capture with a citable source was found.
 * The paths are those the runtimes create (docker/containerd/podman {@code *.scope}, kubelet slices,
 * {@code lxc.payload.<name>}, systemd {@code *.service}); the kubepods one is the real path of its PSI capture.
 */
final class V2Fixtures {
    private V2Fixtures() {
    }

    /**
     * {@code memory.stat} of a real cgroup: opencontainers/cgroups {@code fs2/memory_test.go}
     * {@code exampleMemoryStatData} (also runc {@code libcontainer/cgroups/fs2/memory_test.go}). Stored there without
     * the final newline the kernel prints; {@link #MEMORY_STAT} adds it back.
     */
    static final String RUNC_MEMORY_STAT = """
            anon 790425600
            file 6502666240
            kernel_stack 7012352
            pagetables 8867840
            percpu 2445520
            sock 40960
            shmem 6721536
            file_mapped 656187392
            file_dirty 1122304
            file_writeback 0
            swapcached 10
            anon_thp 438304768
            file_thp 0
            shmem_thp 0
            inactive_anon 892223488
            active_anon 2973696
            inactive_file 5307346944
            active_file 1179316224
            unevictable 31477760
            slab_reclaimable 348866240
            slab_unreclaimable 10099808
            slab 358966048
            workingset_refault_anon 0
            workingset_refault_file 0
            workingset_activate_anon 0
            workingset_activate_file 0
            workingset_restore_anon 0
            workingset_restore_file 0
            workingset_nodereclaim 0
            pgfault 103216687
            pgmajfault 6879
            pgrefill 0
            pgscan 0
            pgsteal 0
            pgactivate 1110217
            pgdeactivate 292
            pglazyfree 267
            pglazyfreed 0
            thp_fault_alloc 57411
            thp_collapse_alloc 443""";

    /** {@link #RUNC_MEMORY_STAT} with the kernel's final newline. */
    static final String MEMORY_STAT = RUNC_MEMORY_STAT + "\n";

    /** anon and inactive_file of {@link #RUNC_MEMORY_STAT}, read off the text above. */
    static final long RUNC_ANON = 790425600L;
    static final long RUNC_INACTIVE_FILE = 5307346944L;

    /**
     * {@code io.stat} of a real cgroup: opencontainers/cgroups {@code fs2/io_test.go} {@code exampleIoStatData} (also
     * runc {@code libcontainer/cgroups/fs2/io_test.go}); stored there without the final newline.
     */
    static final String RUNC_IO_STAT =
            "254:1 rbytes=6901432320 wbytes=14245535744 rios=263278 wios=248603 dbytes=0 dios=0\n"
            + "254:0 rbytes=2702336 wbytes=0 rios=97 wios=0 dbytes=0 dios=0\n"
            + "259:0 rbytes=6911345664 wbytes=14245536256 rios=264538 wios=244914 dbytes=530485248 dios=2";

    /** {@link #RUNC_IO_STAT}, line by line (read and written bytes and IOs; discards are not part of the record). */
    static final List<IoDeviceStat> RUNC_IO = List.of(
            new IoDeviceStat(254, 1, 6901432320L, 14245535744L, 263278, 248603),
            new IoDeviceStat(254, 0, 2702336, 0, 97, 0),
            new IoDeviceStat(259, 0, 6911345664L, 14245536256L, 264538, 244914));

    /**
     * Docker with the systemd driver: {@code system.slice/docker-<id>.scope}.
     * <ul>
     *   <li>{@code cpu.stat}: pasted from a container's cgroup in netdata/netdata issue #12595 ("cgroups v2"
     *       block);</li>
     *   <li>{@code memory.stat}: {@link #MEMORY_STAT}; {@code io.stat}: {@link #RUNC_IO_STAT} plus the final
     *       newline;</li>
     *   <li>{@code cpu.pressure}: the {@code cgget} output quoted in libcgroup/libcgroup issue #105 (Ubuntu, Linux
     *       5.13+, so it has the {@code full} line), re-joined from cgget's tab-indented form;</li>
     *   <li>{@code io.max}: the example output in Documentation/admin-guide/cgroup-v2.rst ("io.max" section);</li>
     *   <li>the rest synthesised (see the class comment).</li>
     * </ul>
     */
    static Scenario v2DockerSystemd() {
        String p = "/system.slice/docker-" + DOCKER_ID + ".scope";
        Function<Path, FakeCgroupTree> tree = root -> {
            FakeCgroupTree t = FakeCgroupTree.v2(root);
            t.unified(p).file("cgroup.procs", "1931\n1987\n1988\n")
                    .file("cgroup.controllers", "cpuset cpu io memory hugetlb pids rdma misc\n")
                    .file("cgroup.events", "populated 1\nfrozen 0\n").file("cgroup.freeze", "0\n")
                    .file("cpu.stat", "usage_usec 73899\nuser_usec 27213\nsystem_usec 46685\nnr_periods 7\n"
                            + "nr_throttled 3\nthrottled_usec 139381\n")
                    .file("cpu.max", "200000 100000\n").file("cpu.weight", "100\n")
                    .file("cpuset.cpus", "\n").file("cpuset.cpus.effective", "0-3\n")
                    .file("cpuset.mems", "\n").file("cpuset.mems.effective", "0\n")
                    .file("memory.current", "7516192768\n").file("memory.max", "8589934592\n")
                    .file("memory.high", "max\n").file("memory.swap.max", "8589934592\n")
                    .file("memory.swap.current", "0\n").file("memory.stat", MEMORY_STAT)
                    .file("memory.events", "low 0\nhigh 0\nmax 0\noom 0\noom_kill 0\noom_group_kill 0\n")
                    .file("io.stat", RUNC_IO_STAT + "\n")
                    .file("io.max", "8:16 rbps=2097152 wbps=max riops=max wiops=120\n")
                    .file("pids.current", "3\n").file("pids.max", "max\n")
                    .file("cpu.pressure", "some avg10=0.00 avg60=0.00 avg300=0.00 total=0\n"
                            + "full avg10=0.00 avg60=0.00 avg300=0.00 total=0\n");
            t.proc(1931, "0::/system.slice/docker-" + DOCKER_ID + ".scope\n");
            return t;
        };
        return new Scenario("v2 docker systemd driver", Layout.V2, tree, p, new Expected(
                List.of(1931L, 1987L, 1988L),
                new CpuUsage(73899, OptionalLong.of(27213), OptionalLong.of(46685)),
                Optional.of(new CpuThrottling(7, 3, 139381)),
                Optional.of(new CpuMax(Limit.of(200000), 100000)), Optional.of(new CpuWeight(100)),
                Optional.of(new Cpuset("0-3", "0")),
                new MemoryUsage(7516192768L, Limit.of(8589934592L), Limit.UNLIMITED,
                        Optional.of(Limit.of(8589934592L)), OptionalLong.of(0), OptionalLong.empty()),
                OptionalLong.of(RUNC_ANON), OptionalLong.of(RUNC_INACTIVE_FILE),
                Optional.of(new MemoryEvents(0, 0, OptionalLong.of(0), OptionalLong.of(0), OptionalLong.of(0),
                        OptionalLong.of(0), OptionalLong.empty())),
                new IoStat(RUNC_IO),
                List.of(new IoLimit(8, 16, IoLimit.Kind.READ_BPS, Limit.of(2097152)),
                        new IoLimit(8, 16, IoLimit.Kind.WRITE_IOPS, Limit.of(120))),
                new PidsUsage(3, Limit.UNLIMITED), Optional.of(psi(0, 0, 0, 0, 0, 0, 0, 0)),
                FreezerState.THAWED));
    }

    /** Pod UID and container id of the cgroup whose {@code cpu.pressure} netdata/netdata PR #17800 shows. */
    static final String K8S_POD_UID = "001f7c0e_a641_4538_84c3_06e5a67f4073";
    static final String K8S_CRI_ID = "334ee75a65caba05a913a0e9908baea20a6448364a9a61583d6669fed25e721b";

    /**
     * Kubernetes with containerd (systemd driver): a burstable pod's container, freeze requested but not complete
     * ({@code FREEZING}).
     * <ul>
     *   <li>{@code cpu.pressure}: {@code cat} of this very cgroup in netdata/netdata PR #17800, a real PSI file
     *       without a {@code full} line (kernels before 5.13);</li>
     *   <li>{@code cpu.stat}: the {@code cgget} output quoted in libcgroup/libcgroup issue #105 (a cgroup with no CPU
     *       used yet), re-joined from cgget's tab-indented form;</li>
     *   <li>{@code memory.stat}: {@link #MEMORY_STAT};</li>
     *   <li>{@code io.stat}: empty, as the kernel prints it for a cgroup that has done no block IO (synthesised: an
     *       empty file has no bytes to capture);</li>
     *   <li>the rest synthesised, including {@code memory.events} with one OOM kill.</li>
     * </ul>
     */
    static Scenario v2Kubepods() {
        String p = "/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod" + K8S_POD_UID
                + ".slice/cri-containerd-" + K8S_CRI_ID + ".scope";
        Function<Path, FakeCgroupTree> tree = root -> {
            FakeCgroupTree t = FakeCgroupTree.v2(root);
            t.unified(p).file("cgroup.procs", "52110\n52177\n")
                    .file("cgroup.events", "populated 1\nfrozen 0\n").file("cgroup.freeze", "1\n")
                    .file("cpu.stat", "usage_usec 0\nuser_usec 0\nsystem_usec 0\nnr_periods 0\nnr_throttled 0\n"
                            + "throttled_usec 0\n")
                    .file("cpu.max", "50000 100000\n").file("cpu.weight", "4\n")
                    .file("cpuset.cpus", "\n").file("cpuset.cpus.effective", "0-7\n")
                    .file("cpuset.mems", "\n").file("cpuset.mems.effective", "0\n")
                    .file("memory.current", "7516192768\n").file("memory.max", "8589934592\n")
                    .file("memory.high", "max\n").file("memory.swap.max", "0\n").file("memory.swap.current", "0\n")
                    .file("memory.stat", MEMORY_STAT)
                    .file("memory.events", "low 0\nhigh 0\nmax 12\noom 1\noom_kill 1\noom_group_kill 0\n")
                    .file("io.stat", "").file("io.max", "")
                    .file("pids.current", "9\n").file("pids.max", "max\n")
                    .file("cpu.pressure", "some avg10=0.00 avg60=0.00 avg300=0.00 total=98464\n");
            return t;
        };
        return new Scenario("v2 kubepods containerd", Layout.V2, tree, p, new Expected(
                List.of(52110L, 52177L),
                new CpuUsage(0, OptionalLong.of(0), OptionalLong.of(0)),
                Optional.of(new CpuThrottling(0, 0, 0)),
                Optional.of(new CpuMax(Limit.of(50000), 100000)), Optional.of(new CpuWeight(4)),
                Optional.of(new Cpuset("0-7", "0")),
                new MemoryUsage(7516192768L, Limit.of(8589934592L), Limit.UNLIMITED, Optional.of(Limit.of(0)),
                        OptionalLong.of(0), OptionalLong.empty()),
                OptionalLong.of(RUNC_ANON), OptionalLong.of(RUNC_INACTIVE_FILE),
                Optional.of(new MemoryEvents(1, 1, OptionalLong.of(0), OptionalLong.of(0), OptionalLong.of(12),
                        OptionalLong.of(0), OptionalLong.empty())),
                new IoStat(List.of()), List.of(), new PidsUsage(9, Limit.UNLIMITED),
                Optional.of(new Pressure(new PressureLine(0, 0, 0, 98464), Optional.empty())),
                FreezerState.FREEZING));
    }

    /**
     * Podman (rootful, systemd): {@code machine.slice/libpod-<id>.scope}, no CPU or memory limit, podman's default
     * pids limit 2048, pinned to CPU 1.
     * <ul>
     *   <li>{@code cpu.stat}: pasted in sustainable-computing-io/kepler PR #159 (a root {@code cpu.stat}; same
     *       keys);</li>
     *   <li>{@code cpu.max}: {@code max 100000}, the kernel default, as libcgroup/libcgroup issue #105 shows it;</li>
     *   <li>{@code memory.stat}: {@link #MEMORY_STAT};</li>
     *   <li>{@code io.stat}: the example output in Documentation/admin-guide/cgroup-v2.rst ("io.stat" section);</li>
     *   <li>{@code cpu.pressure}: the {@code /proc/pressure/io} pasted in flatcar-archive/coreos-overlay PR #638
     *       (system-wide PSI, same format as a cgroup's; some and full, non-zero averages);</li>
     *   <li>the rest synthesised.</li>
     * </ul>
     */
    static Scenario v2Podman() {
        String p = "/machine.slice/libpod-" + LIBPOD_ID + ".scope";
        Function<Path, FakeCgroupTree> tree = root -> {
            FakeCgroupTree t = FakeCgroupTree.v2(root);
            t.unified(p).file("cgroup.procs", "7781\n")
                    .file("cgroup.events", "populated 1\nfrozen 0\n").file("cgroup.freeze", "0\n")
                    .file("cpu.stat", "usage_usec 8210530646\nuser_usec 5555530859\nsystem_usec 2654999787\n"
                            + "nr_periods 0\nnr_throttled 0\nthrottled_usec 0\n")
                    .file("cpu.max", "max 100000\n").file("cpu.weight", "100\n")
                    .file("cpuset.cpus", "1\n").file("cpuset.mems", "0\n")
                    .file("memory.current", "7516192768\n").file("memory.max", "max\n").file("memory.high", "max\n")
                    .file("memory.swap.max", "max\n").file("memory.swap.current", "0\n")
                    .file("memory.stat", MEMORY_STAT)
                    .file("memory.events", "low 0\nhigh 0\nmax 0\noom 0\noom_kill 0\noom_group_kill 0\n")
                    .file("io.stat", "8:16 rbytes=1459200 wbytes=314773504 rios=192 wios=353 dbytes=0 dios=0\n"
                            + "8:0 rbytes=90430464 wbytes=299008000 rios=8950 wios=1252 dbytes=50331648 dios=3021\n")
                    .file("io.max", "").file("pids.current", "1\n").file("pids.max", "2048\n")
                    .file("cpu.pressure", "some avg10=0.00 avg60=1.11 avg300=0.68 total=2828208\n"
                            + "full avg10=0.00 avg60=0.91 avg300=0.56 total=2334731\n");
            return t;
        };
        return new Scenario("v2 podman libpod", Layout.V2, tree, p, new Expected(
                List.of(7781L), new CpuUsage(8210530646L, OptionalLong.of(5555530859L), OptionalLong.of(2654999787L)),
                Optional.of(new CpuThrottling(0, 0, 0)), Optional.of(new CpuMax(Limit.UNLIMITED, 100000)),
                Optional.of(new CpuWeight(100)), Optional.of(new Cpuset("1", "0")),
                new MemoryUsage(7516192768L, Limit.UNLIMITED, Limit.UNLIMITED, Optional.of(Limit.UNLIMITED),
                        OptionalLong.of(0), OptionalLong.empty()),
                OptionalLong.of(RUNC_ANON), OptionalLong.of(RUNC_INACTIVE_FILE),
                Optional.of(new MemoryEvents(0, 0, OptionalLong.of(0), OptionalLong.of(0), OptionalLong.of(0),
                        OptionalLong.of(0), OptionalLong.empty())),
                new IoStat(List.of(new IoDeviceStat(8, 16, 1459200, 314773504, 192, 353),
                        new IoDeviceStat(8, 0, 90430464, 299008000, 8950, 1252))), List.of(),
                new PidsUsage(1, Limit.of(2048)), Optional.of(psi(0, 1.11, 0.68, 2828208, 0, 0.91, 0.56, 2334731)),
                FreezerState.THAWED));
    }

    /**
     * LXC: container {@code web} in {@code lxc.payload.web}, frozen by {@code lxc-freeze}; cpuset inherited (empty
     * files, effective lists used); {@code memory.events} without {@code oom_group_kill} (kernels before 5.17). Many
     * files lack the trailing newline, which readers must accept (the kernel always prints one; these are as stored in
     * the sources' tests or edited, as noted).
     * <ul>
     *   <li>{@code memory.stat}: {@link #RUNC_MEMORY_STAT} verbatim (no final newline);</li>
     *   <li>{@code io.stat}: {@link #RUNC_IO_STAT} verbatim (no final newline);</li>
     *   <li>{@code cpu.pressure}: opencontainers/cgroups {@code fs2/psi_test.go} {@code examplePSIData} verbatim (no
     *       final newline);</li>
     *   <li>{@code cpu.stat}: kepler PR #159's capture (as in {@link #v2Podman}), edited: final newline removed;</li>
     *   <li>the rest synthesised.</li>
     * </ul>
     */
    static Scenario v2Lxc() {
        String p = "/lxc.payload.web";
        Function<Path, FakeCgroupTree> tree = root -> {
            FakeCgroupTree t = FakeCgroupTree.v2(root);
            t.unified(p).file("cgroup.procs", "3120\n3301\n3302\n3350\n")
                    .file("cgroup.events", "populated 1\nfrozen 1\n").file("cgroup.freeze", "1")
                    .file("cpu.stat", "usage_usec 8210530646\nuser_usec 5555530859\nsystem_usec 2654999787\n"
                            + "nr_periods 0\nnr_throttled 0\nthrottled_usec 0")
                    .file("cpu.max", "max 100000").file("cpu.weight", "100")
                    .file("cpuset.cpus", "").file("cpuset.cpus.effective", "0-7")
                    .file("cpuset.mems", "").file("cpuset.mems.effective", "0")
                    .file("memory.current", "7516192768").file("memory.max", "8589934592\n")
                    .file("memory.high", "max").file("memory.swap.max", "max").file("memory.swap.current", "4096")
                    .file("memory.stat", RUNC_MEMORY_STAT)
                    .file("memory.events", "low 0\nhigh 0\nmax 0\noom 0\noom_kill 0")
                    .file("io.stat", RUNC_IO_STAT)
                    .file("io.max", "8:0 rbps=max wbps=10485760 riops=max wiops=1000")
                    .file("pids.current", "23").file("pids.max", "max")
                    .file("cpu.pressure", "some avg10=1.71 avg60=2.36 avg300=2.57 total=230548833\n"
                            + "full avg10=1.00 avg60=1.01 avg300=1.00 total=157622356");
            t.proc(3120, "0::/lxc.payload.web\n");
            return t;
        };
        return new Scenario("v2 lxc payload", Layout.V2, tree, p, new Expected(
                List.of(3120L, 3301L, 3302L, 3350L),
                new CpuUsage(8210530646L, OptionalLong.of(5555530859L), OptionalLong.of(2654999787L)),
                Optional.of(new CpuThrottling(0, 0, 0)), Optional.of(new CpuMax(Limit.UNLIMITED, 100000)),
                Optional.of(new CpuWeight(100)), Optional.of(new Cpuset("0-7", "0")),
                new MemoryUsage(7516192768L, Limit.of(8589934592L), Limit.UNLIMITED, Optional.of(Limit.UNLIMITED),
                        OptionalLong.of(4096), OptionalLong.empty()),
                OptionalLong.of(RUNC_ANON), OptionalLong.of(RUNC_INACTIVE_FILE),
                Optional.of(new MemoryEvents(0, 0, OptionalLong.of(0), OptionalLong.of(0), OptionalLong.of(0),
                        OptionalLong.empty(), OptionalLong.empty())),
                new IoStat(RUNC_IO),
                List.of(new IoLimit(8, 0, IoLimit.Kind.WRITE_BPS, Limit.of(10485760)),
                        new IoLimit(8, 0, IoLimit.Kind.WRITE_IOPS, Limit.of(1000))),
                new PidsUsage(23, Limit.UNLIMITED), Optional.of(psi(1.71, 2.36, 2.57, 230548833, 1.00, 1.01, 1.00,
                        157622356)),
                FreezerState.FROZEN));
    }

    /**
     * A systemd service: {@code nginx.service} with no CPU accounting, so the cpu controller is not enabled for it
     * (no {@code cpu.max}/{@code cpu.weight}, {@code cpu.stat} has only the three usage keys the kernel always prints)
     * and no cpuset; systemd's default {@code TasksMax} of 4915 (15% of 32768).
     * <ul>
     *   <li>{@code cpu.stat}: netdata issue #12595's capture (as in {@link #v2DockerSystemd}), edited: only its first
     *       three lines, which is what the kernel prints without the cpu controller (cgroup-v2.rst, "cpu.stat");</li>
     *   <li>{@code cpu.pressure}: the {@code /proc/pressure/cpu} pasted in flatcar-archive/coreos-overlay PR #638 (a
     *       kernel before 5.13: no {@code full} line);</li>
     *   <li>{@code io.stat}: the first line pasted in google/cadvisor issue #2881 (a container's {@code io.stat}, read
     *       with {@code grep "254:3"});</li>
     *   <li>{@code memory.stat}: {@link #MEMORY_STAT};</li>
     *   <li>the rest synthesised.</li>
     * </ul>
     */
    static Scenario v2SystemdService() {
        String p = "/system.slice/nginx.service";
        Function<Path, FakeCgroupTree> tree = root -> {
            FakeCgroupTree t = FakeCgroupTree.v2(root);
            t.unified(p).file("cgroup.procs", "611\n612\n613\n")
                    .file("cgroup.events", "populated 1\nfrozen 0\n").file("cgroup.freeze", "0\n")
                    .file("cpu.stat", "usage_usec 73899\nuser_usec 27213\nsystem_usec 46685\n")
                    .file("memory.current", "7516192768\n").file("memory.max", "max\n").file("memory.high", "max\n")
                    .file("memory.swap.max", "max\n").file("memory.swap.current", "0\n")
                    .file("memory.stat", MEMORY_STAT)
                    .file("memory.events", "low 0\nhigh 0\nmax 0\noom 0\noom_kill 0\n")
                    .file("io.stat",
                            "254:3 rbytes=598016 wbytes=227002702848000 rios=146 wios=124342581 dbytes=0 dios=0\n")
                    .file("io.max", "").file("pids.current", "3\n").file("pids.max", "4915\n")
                    .file("cpu.pressure", "some avg10=0.13 avg60=0.68 avg300=0.28 total=1195993\n");
            t.proc(611, "0::/system.slice/nginx.service\n");
            return t;
        };
        return new Scenario("v2 systemd service", Layout.V2, tree, p, new Expected(
                List.of(611L, 612L, 613L), new CpuUsage(73899, OptionalLong.of(27213), OptionalLong.of(46685)),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                new MemoryUsage(7516192768L, Limit.UNLIMITED, Limit.UNLIMITED, Optional.of(Limit.UNLIMITED),
                        OptionalLong.of(0), OptionalLong.empty()),
                OptionalLong.of(RUNC_ANON), OptionalLong.of(RUNC_INACTIVE_FILE),
                Optional.of(new MemoryEvents(0, 0, OptionalLong.of(0), OptionalLong.of(0), OptionalLong.of(0),
                        OptionalLong.empty(), OptionalLong.empty())),
                new IoStat(List.of(new IoDeviceStat(254, 3, 598016, 227002702848000L, 146, 124342581))), List.of(),
                new PidsUsage(3, Limit.of(4915)),
                Optional.of(new Pressure(new PressureLine(0.13, 0.68, 0.28, 1195993), Optional.empty())),
                FreezerState.THAWED));
    }
}
