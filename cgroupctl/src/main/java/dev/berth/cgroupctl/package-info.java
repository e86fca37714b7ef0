/**
 * berth's cgroup layer: one API for cgroup v1, v2 and hybrid hosts.
 *
 * <pre>{@code
 * CgroupFsProbe probe = new CgroupFsProber(Path.of("/proc"), Path.of("/sys")).probe(); // once
 * CgroupFs fs = CgroupFs.open(probe);            // the one place that picks v1, v2 or hybrid
 * Cgroup c = fs.cgroup("/system.slice/docker-<id>.scope");
 * MemoryUsage m = c.readMemory();                // typed record; Limit.UNLIMITED for "max"
 * c.apply(Resources.none().withCpuMax(CpuMax.ofCores(0.5, 100_000)).withMemoryMax(Limit.of(512L << 20)));
 * c.freeze(Duration.ofSeconds(5));
 * }</pre>
 *
 * <p>Layers: {@link dev.berth.cgroupctl.format} holds the pure parsers, one per kernel file format (single value,
 * flat keyed, nested keyed, PSI, lists, ranges, blkio device lines, mountinfo, /proc/&lt;pid&gt;/cgroup,
 * /proc/cgroups). The internal packages {@code .v1} and {@code .v2} have one class per controller, the same shape in
 * both; {@code .kernfs} reads and writes cgroup files and maps I/O errors to the sealed {@link
 * dev.berth.cgroupctl.CgroupException} hierarchy. Readers are strict; callers decide what "unavailable" means.
 *
 * <p>Tests of higher modules build fake hosts with {@code dev.berth.cgroupctl.testing.FakeCgroupTree} from
 * cgroupctl's test-jar.
 */
package dev.berth.cgroupctl;
