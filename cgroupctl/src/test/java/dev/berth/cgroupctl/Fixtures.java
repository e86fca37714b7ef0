package dev.berth.cgroupctl;

import dev.berth.cgroupctl.testing.FakeCgroupTree;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Fixture hosts for the reader tests: one cgroup each, with its files and the values the readers must return. The
 * expected values are read off the fixture text by hand (ns to µs by dropping the last three digits, v1 shares to
 * weight by the documented formula), not taken from the readers' output.
 *
 * <p>Provenance, per scenario (each fixture also names its source where it is defined):
 * <ul>
 *   <li>{@code host-hybrid}: captured verbatim on the berth CI machine (Debian 12, Linux 6.18, hybrid) on
 *       2026-11-22 from a test cgroup running {@code dd} + a shell loop, by
 *       {@code src/test/resources/dev/berth/cgroupctl/capture-host-fixture.sh}; its mountinfo and
 *       {@code /proc/cgroups} are that host's too (the cgroup's name shortened to {@code /berth-capture}); the v1
 *       blkio statistics and throttle files were captured the same way after setting throttles on vda (so that the
 *       throttle files hold rules as well as statistics);</li>
 *   <li>{@code v1 docker cgroupfs} and {@code hybrid kubepods}: the multi-line statistics files are real captures
 *       from public sources, named next to each; the single-value files (limits, usage, shares, cpuset, pids,
 *       {@code cgroup.procs}, {@code freezer.state}), {@code cpuacct.*}, {@code memory.oom_control} and the blkio
 *       files of the docker scenario are synthesised for these tests in the formats of cgroup-v1/*.rst;</li>
 *   <li>the pure v2 scenarios: see {@link V2Fixtures}.</li>
 * </ul>
 * Files of one scenario may come from different hosts, so their numbers need not agree with each other.
 */
final class Fixtures {
    private Fixtures() {
    }

    /** What every reader must return for a scenario's cgroup; empty = the reader must throw {@code unavailable}. */
    record Expected(List<Long> procs, CpuUsage cpu, Optional<CpuThrottling> throttling, Optional<CpuMax> cpuMax,
                    Optional<CpuWeight> weight, Optional<Cpuset> cpuset, MemoryUsage memory, OptionalLong anon,
                    OptionalLong inactiveFile, Optional<MemoryEvents> events, IoStat io, List<IoLimit> ioLimits,
                    PidsUsage pids, Optional<Pressure> cpuPressure, FreezerState freezer) {
    }

    /**
     * @param name       short name, used as the test's display name
     * @param layout     the layout the probe must find
     * @param tree       builds the fake host in a temp dir
     * @param path       the scenario's cgroup
     * @param expected   the values
     */
    record Scenario(String name, Layout layout, Function<Path, FakeCgroupTree> tree, String path,
                    Expected expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final String DOCKER_ID = "3c1f6a4f2b0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c";
    static final String POD_UID = "8d6f2e0c_4b1a_4f7e_9c3d_2a5b6c7d8e9f";
    static final String LIBPOD_ID = "b5e2c7a1d9f04e8b3c6a2d5f1e9c7b4a8d3f6e2c1b5a9d7e4f3c8b2a6d1e5f9c";

    static Pressure psi(double s10, double s60, double s300, long sTotal, double f10, double f60,
                                double f300, long fTotal) {
        return new Pressure(new PressureLine(s10, s60, s300, sTotal),
                Optional.of(new PressureLine(f10, f60, f300, fTotal)));
    }

    static Stream<Scenario> all() {
        return Stream.of(hostHybrid(), v1DockerCgroupfs(), hybridKubepods(), V2Fixtures.v2DockerSystemd(),
                V2Fixtures.v2Kubepods(), V2Fixtures.v2Podman(), V2Fixtures.v2Lxc(), V2Fixtures.v2SystemdService());
    }

    /** This host's real mountinfo (cgroup-related lines and the root, verbatim). */
    static final String HOST_MOUNTINFO = """
            23 27 0:22 / /sys rw,relatime - sysfs sysfs rw
            27 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard,resv_strict,resuid=65534,resgid=65534
            31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
            32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
            33 31 0:30 / /sys/fs/cgroup/cpuacct rw,relatime - cgroup cgroup rw,cpuacct
            34 31 0:31 / /sys/fs/cgroup/cpuset rw,relatime - cgroup cgroup rw,cpuset
            35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
            36 31 0:33 / /sys/fs/cgroup/devices rw,relatime - cgroup cgroup rw,devices
            37 31 0:34 / /sys/fs/cgroup/freezer rw,relatime - cgroup cgroup rw,freezer
            38 31 0:35 / /sys/fs/cgroup/blkio rw,relatime - cgroup cgroup rw,blkio
            39 31 0:36 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids
            40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd
            41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
            """;

    /** This host's real /proc/cgroups. */
    static final String HOST_PROC_CGROUPS = """
            #subsys_name\thierarchy\tnum_cgroups\tenabled
            cpuset\t3\t9\t1
            cpu\t1\t9\t1
            cpuacct\t2\t9\t1
            blkio\t7\t9\t1
            memory\t4\t38\t1
            devices\t5\t7\t1
            freezer\t6\t9\t1
            net_cls\t0\t8\t1
            perf_event\t0\t8\t1
            net_prio\t0\t8\t1
            hugetlb\t0\t8\t1
            pids\t8\t9\t1
            """;

    /** Captured on this host (Linux 6.18, hybrid): see the class comment. */
    static Scenario hostHybrid() {
        String p = "/berth-capture";
        Function<Path, FakeCgroupTree> tree = root -> {
            FakeCgroupTree t = FakeCgroupTree.fromMountinfo(root, HOST_MOUNTINFO, HOST_PROC_CGROUPS);
            for (String h : new String[] {"cpu", "cpuacct", "cpuset", "memory", "blkio", "pids", "freezer"}) {
                t.v1(h, p).file("cgroup.procs", "8411\n8432\n");
            }
            t.v1("devices", "/").file("cgroup.procs", "1\n8411\n8432\n");
            t.v1("systemd", "/").file("cgroup.procs", "1\n8411\n8432\n");
            t.v1("cpu", p).file("cpu.stat", "nr_periods 0\nnr_throttled 0\nthrottled_time 0\nnr_bursts 0\n"
                    + "burst_time 0\n").file("cpu.cfs_quota_us", "-1\n").file("cpu.cfs_period_us", "100000\n")
                    .file("cpu.shares", "1024\n");
            t.v1("cpuacct", p).file("cpuacct.usage", "234832989\n").file("cpuacct.usage_user", "220000000\n")
                    .file("cpuacct.usage_sys", "16000000\n").file("cpuacct.stat", "user 21\nsystem 1\n");
            t.v1("cpuset", p).file("cpuset.cpus", "0-1\n").file("cpuset.mems", "0\n");
            t.v1("memory", p).file("memory.usage_in_bytes", "5304320\n")
                    .file("memory.limit_in_bytes", "9223372036854771712\n").file("memory.failcnt", "0\n")
                    .file("memory.memsw.limit_in_bytes", "9223372036854771712\n")
                    .file("memory.memsw.usage_in_bytes", "5304320\n")
                    .file("memory.oom_control", "oom_kill_disable 0\nunder_oom 0\noom_kill 0\n")
                    .file("memory.stat", HOST_V1_MEMORY_STAT);
            t.v1("blkio", p).file("blkio.throttle.io_service_bytes", HOST_BLKIO_BYTES)
                    .file("blkio.throttle.io_service_bytes_recursive", HOST_BLKIO_BYTES)
                    .file("blkio.throttle.io_serviced", HOST_BLKIO_OPS)
                    .file("blkio.throttle.io_serviced_recursive", HOST_BLKIO_OPS)
                    .file("blkio.throttle.read_bps_device", "254:0 1073741824\n")
                    .file("blkio.throttle.write_bps_device", "254:0 1073741824\n")
                    .file("blkio.throttle.read_iops_device", "")
                    .file("blkio.throttle.write_iops_device", "254:0 100000\n");
            t.v1("pids", p).file("pids.current", "2\n").file("pids.max", "max\n");
            t.v1("freezer", p).file("freezer.state", "THAWED\n");
            t.unified(p).file("cgroup.procs", "8411\n8432\n").file("cgroup.freeze", "0\n")
                    .file("cgroup.events", "populated 1\nfrozen 0\n")
                    .file("cpu.stat", "usage_usec 234832\nuser_usec 218912\nsystem_usec 15920\nnice_usec 0\n")
                    .file("cpu.pressure", "some avg10=0.14 avg60=0.03 avg300=0.00 total=26361\n"
                            + "full avg10=0.00 avg60=0.00 avg300=0.00 total=12938\n")
                    .file("io.pressure", "some avg10=0.00 avg60=0.00 avg300=0.00 total=15595\n"
                            + "full avg10=0.00 avg60=0.00 avg300=0.00 total=15595\n")
                    .file("memory.pressure", "some avg10=0.00 avg60=0.00 avg300=0.00 total=0\n"
                            + "full avg10=0.00 avg60=0.00 avg300=0.00 total=0\n");
            t.proc(8411, HOST_PROC_CGROUP);
            return t;
        };
        return new Scenario("host-hybrid (captured, Linux 6.18)", Layout.HYBRID, tree, p, new Expected(
                List.of(8411L, 8432L),
                new CpuUsage(234832, OptionalLong.of(220000), OptionalLong.of(16000)),
                Optional.of(new CpuThrottling(0, 0, 0)),
                Optional.of(new CpuMax(Limit.UNLIMITED, 100000)), Optional.of(new CpuWeight(100, OptionalLong.of(1024))),
                Optional.of(new Cpuset("0-1", "0")),
                new MemoryUsage(5304320, Limit.UNLIMITED, Limit.UNLIMITED, Optional.of(Limit.UNLIMITED),
                        OptionalLong.of(0), OptionalLong.of(0), Optional.of(Limit.UNLIMITED)),
                OptionalLong.of(5201920), OptionalLong.of(0),
                Optional.of(new MemoryEvents(0, 0, OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                        OptionalLong.empty(), OptionalLong.of(0))),
                new IoStat(List.of(new IoDeviceStat(254, 0, 20971520, 20971520, 40, 20))),
                List.of(new IoLimit(254, 0, IoLimit.Kind.READ_BPS, Limit.of(1073741824)),
                        new IoLimit(254, 0, IoLimit.Kind.WRITE_BPS, Limit.of(1073741824)),
                        new IoLimit(254, 0, IoLimit.Kind.WRITE_IOPS, Limit.of(100000))),
                new PidsUsage(2, Limit.UNLIMITED),
                Optional.of(psi(0.14, 0.03, 0, 26361, 0, 0, 0, 12938)), FreezerState.THAWED));
    }

    /** /proc/8411/cgroup of the captured process (path renamed from berth-test-capture-8396). */
    static final String HOST_PROC_CGROUP = """
            9:name=systemd:/
            8:pids:/berth-capture
            7:blkio:/berth-capture
            6:freezer:/berth-capture
            5:devices:/
            4:memory:/berth-capture
            3:cpuset:/berth-capture
            2:cpuacct:/berth-capture
            1:cpu:/berth-capture
            0::/berth-capture
            """;

    static final String HOST_V1_MEMORY_STAT = """
            cache 0
            rss 5201920
            rss_huge 0
            shmem 0
            mapped_file 0
            dirty 0
            writeback 0
            workingset_refault_anon 0
            workingset_refault_file 0
            swap 0
            swapcached 0
            pgpgin 3182
            pgpgout 1912
            pgfault 3534
            pgmajfault 0
            inactive_anon 5197824
            active_anon 4096
            inactive_file 0
            active_file 0
            unevictable 0
            hierarchical_memory_limit 9223372036854771712
            hierarchical_memsw_limit 9223372036854771712
            total_cache 0
            total_rss 5201920
            total_rss_huge 0
            total_shmem 0
            total_mapped_file 0
            total_dirty 0
            total_writeback 0
            total_workingset_refault_anon 0
            total_workingset_refault_file 0
            total_swap 0
            total_swapcached 0
            total_pgpgin 3182
            total_pgpgout 1912
            total_pgfault 3534
            total_pgmajfault 0
            total_inactive_anon 5197824
            total_active_anon 4096
            total_inactive_file 0
            total_active_file 0
            total_unevictable 0
            """;

    static final String HOST_BLKIO_BYTES = """
            254:0 Read 20971520
            254:0 Write 20971520
            254:0 Sync 62914560
            254:0 Async 0
            254:0 Discard 20971520
            254:0 Total 62914560
            Total 62914560
            """;

    static final String HOST_BLKIO_OPS = """
            254:0 Read 40
            254:0 Write 20
            254:0 Sync 61
            254:0 Async 0
            254:0 Discard 1
            254:0 Total 61
            Total 61
            """;

    /** The v1 hierarchies of {@link FakeCgroupTree#v1} and {@link FakeCgroupTree#hybrid}, by mount directory. */
    static final String[] V1_DIRS = {"systemd", "cpu,cpuacct", "cpuset", "memory", "blkio", "pids", "freezer",
        "devices", "net_cls,net_prio", "perf_event", "hugetlb"};

    /**
     * {@code memory.stat} of a real v1 cgroup ({@code machine.slice/libpod-5db629b04d96....scope}, podman on cgroup
     * v1), pasted in podman-container-tools/podman issue #19905 (giuseppe, 2023-09-11): its lines up to
     * {@code total_rss}, which is where the public copy of the paste that was available ends. Edited:
     * {@code mapped_file 0} became {@code mapped_file -4096}, the kind of negative counter some kernels print when
     * per-cpu statistics drift (google/cadvisor issue #254 "memory.stat values are negative"; runc clamps them); no
     * public capture of a negative value was found.
     */
    static final String V1_MEMORY_STAT_NEGATIVE = """
            cache 2842775552
            rss 675840
            rss_huge 0
            shmem 0
            mapped_file -4096
            dirty 0
            writeback 0
            swap 0
            pgpgin 2239392
            pgpgout 1545190
            pgfault 279477
            pgmajfault 6
            inactive_anon 655360
            active_anon 20480
            inactive_file 2653802496
            active_file 188973056
            unevictable 0
            hierarchical_memory_limit 9223372036854771712
            hierarchical_memsw_limit 9223372036854771712
            total_cache 2842775552
            total_rss 675840
            """;

    /**
     * Docker with the cgroupfs driver on a CentOS 7-like host (Linux 3.10): {@code /docker/<id>} in every v1
     * hierarchy, a paused container ({@code FROZEN}). 3.10 has no {@code cpuacct.usage_user} (so user/system come
     * from {@code cpuacct.stat} ticks), no {@code oom_kill} in {@code memory.oom_control}, no {@code _recursive}
     * blkio files and no Discard line.
     * <ul>
     *   <li>{@code memory.stat}: {@link #V1_MEMORY_STAT_NEGATIVE} (real, with one edited negative value);</li>
     *   <li>{@code cpu.stat}: the cgroup v1 {@code cpu.stat} pasted in netdata/netdata issue #12595;</li>
     *   <li>the rest synthesised (see the class comment).</li>
     * </ul>
     */
    static Scenario v1DockerCgroupfs() {
        String p = "/docker/" + DOCKER_ID;
        Function<Path, FakeCgroupTree> tree = root -> {
            FakeCgroupTree t = FakeCgroupTree.v1(root);
            for (String h : V1_DIRS) {
                t.v1(h, p).file("cgroup.procs", "2817\n2901\n");
            }
            t.v1("cpu,cpuacct", p).file("cpuacct.usage", "48761937215\n").file("cpuacct.stat", "user 3811\nsystem 1009\n")
                    .file("cpu.stat", "nr_periods 7\nnr_throttled 2\nthrottled_time 127918677\n")
                    .file("cpu.cfs_quota_us", "150000\n").file("cpu.cfs_period_us", "100000\n")
                    .file("cpu.shares", "512\n");
            t.v1("cpuset", p).file("cpuset.cpus", "0-3\n").file("cpuset.mems", "0\n");
            t.v1("memory", p).file("memory.usage_in_bytes", "371826688\n")
                    .file("memory.limit_in_bytes", "536870912\n").file("memory.failcnt", "3\n")
                    .file("memory.memsw.limit_in_bytes", "1073741824\n")
                    .file("memory.memsw.usage_in_bytes", "371826688\n")
                    .file("memory.oom_control", "oom_kill_disable 0\nunder_oom 0\n")
                    .file("memory.stat", V1_MEMORY_STAT_NEGATIVE);
            t.v1("blkio", p).file("blkio.throttle.io_service_bytes",
                            "8:0 Read 1236992\n8:0 Write 40960\n8:0 Sync 1277952\n8:0 Async 0\n8:0 Total 1277952\n"
                                    + "Total 1277952\n")
                    .file("blkio.throttle.io_serviced",
                            "8:0 Read 67\n8:0 Write 10\n8:0 Sync 77\n8:0 Async 0\n8:0 Total 77\nTotal 77\n")
                    .file("blkio.throttle.read_bps_device", "").file("blkio.throttle.write_bps_device", "")
                    .file("blkio.throttle.read_iops_device", "").file("blkio.throttle.write_iops_device", "");
            t.v1("pids", p).file("pids.current", "4\n").file("pids.max", "max\n");
            t.v1("freezer", p).file("freezer.state", "FROZEN\n");
            t.proc(2817, "11:hugetlb:/docker/" + DOCKER_ID + "\n10:perf_event:/docker/" + DOCKER_ID
                    + "\n9:net_prio,net_cls:/docker/" + DOCKER_ID + "\n8:devices:/docker/" + DOCKER_ID
                    + "\n7:freezer:/docker/" + DOCKER_ID + "\n6:pids:/docker/" + DOCKER_ID
                    + "\n5:blkio:/docker/" + DOCKER_ID + "\n4:memory:/docker/" + DOCKER_ID
                    + "\n3:cpuset:/docker/" + DOCKER_ID + "\n2:cpuacct,cpu:/docker/" + DOCKER_ID
                    + "\n1:name=systemd:/docker/" + DOCKER_ID + "\n");
            return t;
        };
        return new Scenario("v1 docker cgroupfs (3.10 layout)", Layout.V1, tree, p, new Expected(
                List.of(2817L, 2901L),
                new CpuUsage(48761937, OptionalLong.of(38110000), OptionalLong.of(10090000)),
                Optional.of(new CpuThrottling(7, 2, 127918)),
                Optional.of(new CpuMax(Limit.of(150000), 100000)), Optional.of(new CpuWeight(50, OptionalLong.of(512))),
                Optional.of(new Cpuset("0-3", "0")),
                new MemoryUsage(371826688, Limit.of(536870912), Limit.UNLIMITED, Optional.of(Limit.of(536870912)),
                        OptionalLong.of(0), OptionalLong.of(3), Optional.of(Limit.of(1073741824))),
                OptionalLong.of(675840), OptionalLong.of(2653802496L), Optional.empty(),
                new IoStat(List.of(new IoDeviceStat(8, 0, 1236992, 40960, 67, 10))), List.of(),
                new PidsUsage(4, Limit.UNLIMITED), Optional.empty(), FreezerState.FROZEN));
    }

    /**
     * Kubernetes (kubelet with the systemd cgroup driver, docker) on an Ubuntu 20.04-like hybrid host: a burstable
     * pod's container with 500m CPU limit and 100m request (shares 102), 256 MiB memory, no swap accounting (Ubuntu's
     * default), no IO yet ({@code Total 0}, what the kernel prints then).
     * <ul>
     *   <li>{@code cpu.stat}: the v1 {@code cpu.stat} of a burstable pod's container pasted in
     *       kubernetes-sigs/usage-metrics-collector issue #138 ("cgroupv1 example");</li>
     *   <li>{@code memory.stat} and {@code memory.usage_in_bytes}: {@link #HOST_V1_MEMORY_STAT} and the usage of the
     *       same capture on this host;</li>
     *   <li>{@code cpu.pressure} (unified hierarchy): the PSI file without a {@code full} line of a kubepods container
     *       pasted in netdata/netdata PR #17800 (see {@link V2Fixtures#v2Kubepods});</li>
     *   <li>the rest synthesised (see the class comment).</li>
     * </ul>
     */
    static Scenario hybridKubepods() {
        String p = "/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod" + POD_UID + ".slice/docker-"
                + DOCKER_ID + ".scope";
        Function<Path, FakeCgroupTree> tree = root -> {
            FakeCgroupTree t = FakeCgroupTree.hybrid(root);
            for (String h : V1_DIRS) {
                t.v1(h, p).file("cgroup.procs", "40211\n");
            }
            t.v1("cpu,cpuacct", p).file("cpuacct.usage", "9123456789\n").file("cpuacct.usage_user", "7000000000\n")
                    .file("cpuacct.usage_sys", "2000000000\n").file("cpuacct.stat", "user 700\nsystem 200\n")
                    .file("cpu.stat", "nr_periods 123258\nnr_throttled 698\nthrottled_time 18136472262\n")
                    .file("cpu.cfs_quota_us", "50000\n").file("cpu.cfs_period_us", "100000\n")
                    .file("cpu.shares", "102\n");
            t.v1("cpuset", p).file("cpuset.cpus", "0-1\n").file("cpuset.mems", "0\n");
            t.v1("memory", p).file("memory.usage_in_bytes", "5304320\n")
                    .file("memory.limit_in_bytes", "268435456\n").file("memory.failcnt", "0\n")
                    .file("memory.oom_control", "oom_kill_disable 0\nunder_oom 0\noom_kill 1\n")
                    .file("memory.stat", HOST_V1_MEMORY_STAT);
            t.v1("blkio", p).file("blkio.throttle.io_service_bytes_recursive", "Total 0\n")
                    .file("blkio.throttle.io_serviced_recursive", "Total 0\n")
                    .file("blkio.throttle.io_service_bytes", "Total 0\n").file("blkio.throttle.io_serviced", "Total 0\n")
                    .file("blkio.throttle.read_bps_device", "").file("blkio.throttle.write_bps_device", "")
                    .file("blkio.throttle.read_iops_device", "").file("blkio.throttle.write_iops_device", "");
            t.v1("pids", p).file("pids.current", "12\n").file("pids.max", "max\n");
            t.v1("freezer", p).file("freezer.state", "THAWED\n");
            t.unified(p).file("cgroup.procs", "40211\n").file("cgroup.freeze", "0\n")
                    .file("cgroup.events", "populated 1\nfrozen 0\n")
                    .file("cpu.stat", "usage_usec 9123456\nuser_usec 7000000\nsystem_usec 2000000\n")
                    .file("cpu.pressure", "some avg10=0.00 avg60=0.00 avg300=0.00 total=98464\n");
            return t;
        };
        return new Scenario("hybrid kubepods systemd driver", Layout.HYBRID, tree, p,
                new Expected(List.of(40211L),
                        new CpuUsage(9123456, OptionalLong.of(7000000), OptionalLong.of(2000000)),
                        Optional.of(new CpuThrottling(123258, 698, 18136472)),
                        Optional.of(new CpuMax(Limit.of(50000), 100000)), Optional.of(new CpuWeight(10, OptionalLong.of(102))),
                        Optional.of(new Cpuset("0-1", "0")),
                        new MemoryUsage(5304320, Limit.of(268435456), Limit.UNLIMITED, Optional.empty(),
                                OptionalLong.empty(), OptionalLong.of(0)),
                        OptionalLong.of(5201920), OptionalLong.of(0),
                        Optional.of(new MemoryEvents(1, 1, OptionalLong.empty(), OptionalLong.empty(),
                                OptionalLong.empty(), OptionalLong.empty(), OptionalLong.of(0))),
                        new IoStat(List.of()), List.of(), new PidsUsage(12, Limit.UNLIMITED),
                        Optional.of(new Pressure(new PressureLine(0, 0, 0, 98464), Optional.empty())),
                        FreezerState.THAWED));
    }
}
