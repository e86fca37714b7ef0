package dev.berth.cgroupctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.cgroupctl.Fixtures.Scenario;
import dev.berth.cgroupctl.testing.FakeCgroupTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Writers on fake v1, hybrid and v2 trees, each checked by reading back through the production readers. Fake files
 * have no kernel behind them, so freezing and refusals are covered by {@link LiveCgroupTest}; here the files'
 * contents are what is checked.
 */
class CgroupWritersTest {
    @TempDir
    Path tmp;

    static Stream<Scenario> hosts() {
        return Stream.of(Fixtures.v1DockerCgroupfs(), Fixtures.hybridKubepods(), V2Fixtures.v2DockerSystemd());
    }

    private Cgroup open(Scenario s) throws CgroupException {
        return CgroupFs.open(s.tree().apply(tmp).probe()).cgroup(s.path());
    }

    private Path file(Scenario s, String v1Dir, String v1File, String v2File) {
        Path cg = tmp.resolve("sys/fs/cgroup");
        return s.layout() == Layout.V2 ? cg.resolve(s.path().substring(1)).resolve(v2File)
                : cg.resolve(v1Dir).resolve(s.path().substring(1)).resolve(v1File);
    }

    @ParameterizedTest
    @MethodSource("hosts")
    void writesCpuMaxAndReadsItBack(Scenario s) throws Exception {
        Cgroup c = open(s);
        c.writeCpuMax(new CpuMax(Limit.of(25_000), 50_000));
        assertEquals(new CpuMax(Limit.of(25_000), 50_000), c.readCpuMax());
        c.writeCpuMax(new CpuMax(Limit.UNLIMITED, 100_000));
        assertEquals(new CpuMax(Limit.UNLIMITED, 100_000), c.readCpuMax());
        assertEquals(s.layout() == Layout.V2 ? "max 100000" : "-1",
                Files.readString(file(s, "cpu,cpuacct", "cpu.cfs_quota_us", "cpu.max")));
    }

    @ParameterizedTest
    @MethodSource("hosts")
    void writesCpuWeightAndReadsItBack(Scenario s) throws Exception {
        Cgroup c = open(s);
        c.writeCpuWeight(50);
        // v1 also keeps the shares written (weight 50 -> 512 shares); v2 has the weight alone.
        assertEquals(s.layout() == Layout.V2 ? new CpuWeight(50) : new CpuWeight(50, java.util.OptionalLong.of(512)),
                c.readCpuWeight());
        assertEquals(s.layout() == Layout.V2 ? "50" : "512",
                Files.readString(file(s, "cpu,cpuacct", "cpu.shares", "cpu.weight")));
    }

    @ParameterizedTest
    @MethodSource("hosts")
    void writesCpusetAndReadsItBack(Scenario s) throws Exception {
        Cgroup c = open(s);
        c.writeCpuset("1,3", "0");
        assertEquals(new Cpuset("1,3", "0"), c.readCpuset());
    }

    @ParameterizedTest
    @MethodSource("hosts")
    void writesMemoryMaxKeepingTheSwapAllowance(Scenario s) throws Exception {
        Cgroup c = open(s);
        Optional<Limit> swapBefore = c.readMemory().swapMaxBytes();
        c.writeMemoryMax(Limit.of(256L << 20));
        MemoryUsage m = c.readMemory();
        assertEquals(Limit.of(256L << 20), m.maxBytes());
        assertEquals(swapBefore, m.swapMaxBytes(), "v1 memsw moves with the memory limit");
        c.writeMemoryMax(Limit.UNLIMITED);
        assertEquals(Limit.UNLIMITED, c.readMemory().maxBytes());
    }

    @ParameterizedTest
    @MethodSource("hosts")
    void writesMemorySwapMax(Scenario s) throws Exception {
        Cgroup c = open(s);
        if (s.expected().memory().swapMaxBytes().isEmpty()) {
            assertThrows(ControllerUnavailableException.class, () -> c.writeMemorySwapMax(Limit.of(1 << 20)));
            return;
        }
        c.writeMemorySwapMax(Limit.of(64L << 20));
        assertEquals(Optional.of(Limit.of(64L << 20)), c.readMemory().swapMaxBytes());
        if (s.layout() != Layout.V2) {
            assertEquals(Long.toString((512L << 20) + (64L << 20)),
                    Files.readString(file(s, "memory", "memory.memsw.limit_in_bytes", "")));
        }
    }

    @ParameterizedTest
    @MethodSource("hosts")
    void writesMemoryHighOnV2Only(Scenario s) throws Exception {
        Cgroup c = open(s);
        if (s.layout() == Layout.V2) {
            c.writeMemoryHigh(Limit.of(100L << 20));
            assertEquals(Limit.of(100L << 20), c.readMemory().highBytes());
        } else {
            assertThrows(ControllerUnavailableException.class, () -> c.writeMemoryHigh(Limit.of(100L << 20)));
        }
    }

    @ParameterizedTest
    @MethodSource("hosts")
    void writesPidsMaxAndReadsItBack(Scenario s) throws Exception {
        Cgroup c = open(s);
        c.writePidsMax(Limit.of(64));
        assertEquals(Limit.of(64), c.readPids().max());
        c.writePidsMax(Limit.UNLIMITED);
        assertEquals(Limit.UNLIMITED, c.readPids().max());
    }

    @ParameterizedTest
    @MethodSource("hosts")
    void writesIoLimitAndReadsItBack(Scenario s) throws Exception {
        Cgroup c = open(s);
        IoLimit l = new IoLimit(8, 0, IoLimit.Kind.WRITE_BPS, Limit.of(2 << 20));
        c.writeIoLimit(l);
        assertEquals(List.of(l), c.readIoLimits());
        assertEquals(s.layout() == Layout.V2 ? "8:0 wbps=2097152" : "8:0 2097152",
                Files.readString(file(s, "blkio", "blkio.throttle.write_bps_device", "io.max")));
    }

    @ParameterizedTest
    @MethodSource("hosts")
    void invalidValuesAreRefusedBeforeAnythingIsWritten(Scenario s) throws Exception {
        Cgroup c = open(s);
        CpuMax cpu0 = c.readCpuMax();
        PidsUsage pids0 = c.readPids();
        Resources bad = Resources.none().withPidsMax(Limit.of(10)).withCpuMax(new CpuMax(Limit.of(500), 100_000));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.apply(bad));
        assertEquals("invalid cpu quota 500: expected at least 1000 microseconds or max", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> c.apply(Resources.none().withPidsMax(Limit.of(10))
                .withCpuMax(new CpuMax(Limit.of(5000), 500))));
        assertThrows(IllegalArgumentException.class, () -> c.apply(Resources.none().withPidsMax(Limit.of(10))
                .withCpuWeight(0)));
        assertThrows(IllegalArgumentException.class, () -> c.apply(Resources.none().withPidsMax(Limit.of(10))
                .withCpusetCpus("3-1")));
        IoLimit io = new IoLimit(8, 0, IoLimit.Kind.READ_BPS, Limit.of(1));
        assertThrows(IllegalArgumentException.class, () -> c.apply(Resources.none().withPidsMax(Limit.of(10))
                .withIoLimit(io).withIoLimit(io)));
        assertEquals(cpu0, c.readCpuMax());
        assertEquals(pids0, c.readPids());
    }

    @ParameterizedTest
    @MethodSource("hosts")
    void aChangeThatFailsPartWayRestoresWhatItHadWritten(Scenario s) throws Exception {
        Cgroup c = open(s);
        CpuMax cpu0 = c.readCpuMax();
        CpuWeight w0 = c.readCpuWeight();
        PidsUsage pids0 = c.readPids();
        List<IoLimit> io0 = c.readIoLimits();
        // Replace the memory limit file by a directory: the memory step, which comes last, cannot succeed.
        Path mem = file(s, "memory", "memory.limit_in_bytes", "memory.max");
        Files.delete(mem);
        Files.createDirectory(mem);
        // 8:16 is the device of the v2 fixture's io.max line: a fake io.max is a plain file that keeps only the last
        // write, it cannot merge lines per device as the kernel does, so the restore must rewrite that same line.
        Resources change = Resources.none().withCpuWeight(200).withCpuMax(CpuMax.ofCores(0.5, 100_000))
                .withPidsMax(Limit.of(32)).withIoLimit(new IoLimit(8, 16, IoLimit.Kind.READ_IOPS, Limit.of(100)))
                .withMemoryMax(Limit.of(1 << 20));
        CgroupException e = assertThrows(CgroupException.class, () -> c.apply(change));
        assertTrue(e.file().toString().contains("memory"), e.toString());
        assertEquals(cpu0, c.readCpuMax());
        assertEquals(w0, c.readCpuWeight());
        assertEquals(pids0, c.readPids());
        assertEquals(io0, c.readIoLimits());
        assertEquals(0, e.getSuppressed().length, "every restore succeeded");
    }

    @Test
    void v2FreezeReadsBackAndWaitsForFrozenInCgroupEvents() throws Exception {
        FakeCgroupTree t = FakeCgroupTree.v2(tmp);
        FakeCgroupTree.Dir d = t.unified("/a").file("cgroup.freeze", "0\n").file("cgroup.procs", "")
                .file("cgroup.events", "populated 0\nfrozen 1\n");
        Cgroup c = t.open().cgroup("/a");
        c.freeze(Duration.ofSeconds(1));
        assertEquals("1", d.read("cgroup.freeze"));
        assertEquals(FreezerState.FROZEN, c.readFreezerState());
    }

    @Test
    void v2FreezeThatNeverCompletesTimesOutAndThawsAgain() throws Exception {
        FakeCgroupTree t = FakeCgroupTree.v2(tmp);
        FakeCgroupTree.Dir d = t.unified("/a").file("cgroup.freeze", "0\n").file("cgroup.procs", "")
                .file("cgroup.events", "populated 1\nfrozen 0\n");
        Cgroup c = t.open().cgroup("/a");
        CgroupWriteException e = assertThrows(CgroupWriteException.class, () -> c.freeze(Duration.ofMillis(100)));
        assertTrue(e.getMessage().contains("thawed again"), e.getMessage());
        assertEquals("0", d.read("cgroup.freeze"));
    }

    @Test
    void v1FreezeWritesFrozenAndThawWritesThawed() throws Exception {
        Scenario s = Fixtures.v1DockerCgroupfs();
        FakeCgroupTree t = s.tree().apply(tmp);
        Cgroup c = t.open().cgroup(s.path());
        c.thaw(Duration.ofSeconds(1));
        assertEquals(FreezerState.THAWED, c.readFreezerState());
        c.freeze(Duration.ofSeconds(1));
        assertEquals("FROZEN", t.v1("freezer", s.path()).read("freezer.state"));
    }

    @Test
    void freezeRefusesACgroupHoldingTheCallingJvm() throws Exception {
        FakeCgroupTree t = FakeCgroupTree.v2(tmp);
        t.unified("/a").file("cgroup.freeze", "0\n").file("cgroup.events", "populated 1\nfrozen 0\n")
                .file("cgroup.procs", ProcessHandle.current().pid() + "\n");
        Cgroup c = t.open().cgroup("/a");
        CgroupWriteException e = assertThrows(CgroupWriteException.class, () -> c.freeze(Duration.ofSeconds(1)));
        assertTrue(e.getMessage().contains("calling process"), e.getMessage());
        assertThrows(CgroupWriteException.class, () -> c.killAll(Duration.ofSeconds(1)));
    }
}
