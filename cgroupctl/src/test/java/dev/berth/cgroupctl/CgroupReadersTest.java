package dev.berth.cgroupctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.cgroupctl.Fixtures.Expected;
import dev.berth.cgroupctl.Fixtures.Scenario;
import dev.berth.cgroupctl.testing.FakeCgroupTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every reader of {@link Cgroup}, on every fixture host of {@link Fixtures} (success), and on a v1, a hybrid and a
 * v2 host with the cgroup gone, its file missing and its file malformed (failure, asserting the error type).
 */
class CgroupReadersTest {
    @TempDir
    Path tmp;

    static Stream<Scenario> scenarios() {
        return Fixtures.all();
    }

    private Cgroup open(Scenario s) throws CgroupException {
        FakeCgroupTree t = s.tree().apply(tmp);
        CgroupFsProbe probe = t.probe();
        assertEquals(s.layout(), probe.layout(), probe.toString());
        return CgroupFs.open(probe).cgroup(s.path());
    }

    /** A reader that returns a value or throws. */
    interface Reader<T> {
        T read(Cgroup c) throws CgroupException;
    }

    private <T> void check(Scenario s, Optional<T> expected, Reader<T> reader) throws CgroupException {
        Cgroup c = open(s);
        if (expected.isPresent()) {
            assertEquals(expected.get(), reader.read(c));
        } else {
            assertThrows(ControllerUnavailableException.class, () -> reader.read(c));
        }
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void readsProcs(Scenario s) throws CgroupException {
        check(s, Optional.of(s.expected().procs()), Cgroup::readProcs);
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void readsCpuUsage(Scenario s) throws CgroupException {
        check(s, Optional.of(s.expected().cpu()), Cgroup::readCpuUsage);
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void readsCpuThrottling(Scenario s) throws CgroupException {
        check(s, s.expected().throttling(), Cgroup::readCpuThrottling);
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void readsCpuMax(Scenario s) throws CgroupException {
        check(s, s.expected().cpuMax(), Cgroup::readCpuMax);
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void readsCpuWeight(Scenario s) throws CgroupException {
        check(s, s.expected().weight(), Cgroup::readCpuWeight);
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void readsCpuset(Scenario s) throws CgroupException {
        check(s, s.expected().cpuset(), Cgroup::readCpuset);
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void readsMemory(Scenario s) throws CgroupException {
        check(s, Optional.of(s.expected().memory()), Cgroup::readMemory);
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void readsTheMemoryLimitsAloneAsReadMemoryHasThem(Scenario s) throws CgroupException {
        check(s, Optional.of(MemoryLimits.of(s.expected().memory())), Cgroup::readMemoryLimits);
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void readsThePidsLimitAlone(Scenario s) throws CgroupException {
        check(s, Optional.of(s.expected().pids().max()), Cgroup::readPidsMax);
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void readsMemoryStat(Scenario s) throws CgroupException {
        MemoryStat stat = open(s).readMemoryStat();
        Expected e = s.expected();
        assertEquals(e.anon(), stat.anonBytes());
        assertEquals(e.inactiveFile(), stat.inactiveFileBytes());
        assertTrue(stat.entries().values().stream().allMatch(v -> v >= 0), "negative value: " + stat);
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void readsMemoryEvents(Scenario s) throws CgroupException {
        check(s, s.expected().events(), Cgroup::readMemoryEvents);
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void readsIoStat(Scenario s) throws CgroupException {
        check(s, Optional.of(s.expected().io()), Cgroup::readIoStat);
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void readsIoLimits(Scenario s) throws CgroupException {
        check(s, Optional.of(s.expected().ioLimits()), Cgroup::readIoLimits);
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void readsPids(Scenario s) throws CgroupException {
        check(s, Optional.of(s.expected().pids()), Cgroup::readPids);
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void readsCpuPressure(Scenario s) throws CgroupException {
        check(s, s.expected().cpuPressure(), c -> c.readPressure(PressureResource.CPU));
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void readsFreezerState(Scenario s) throws CgroupException {
        check(s, Optional.of(s.expected().freezer()), Cgroup::readFreezerState);
    }

    /**
     * One reader and the file it depends on.
     *
     * @param name       reader name
     * @param reader     the call
     * @param controller v1 controller whose hierarchy holds the file, or "unified"
     * @param v1File     the file on v1 (null: not applicable on pure v1)
     * @param v2File     the file on v2 and in the unified hierarchy
     */
    record ReaderCase(String name, Reader<?> reader, String controller, String v1File, String v2File) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<ReaderCase> READERS = List.of(
            new ReaderCase("readProcs", Cgroup::readProcs, "memory", "cgroup.procs", "cgroup.procs"),
            new ReaderCase("readCpuUsage", Cgroup::readCpuUsage, "cpuacct", "cpuacct.usage", "cpu.stat"),
            new ReaderCase("readCpuThrottling", Cgroup::readCpuThrottling, "cpu", "cpu.stat", "cpu.stat"),
            new ReaderCase("readCpuMax", Cgroup::readCpuMax, "cpu", "cpu.cfs_quota_us", "cpu.max"),
            new ReaderCase("readCpuWeight", Cgroup::readCpuWeight, "cpu", "cpu.shares", "cpu.weight"),
            new ReaderCase("readCpuset", Cgroup::readCpuset, "cpuset", "cpuset.cpus", "cpuset.cpus"),
            new ReaderCase("readMemory", Cgroup::readMemory, "memory", "memory.usage_in_bytes", "memory.current"),
            new ReaderCase("readMemoryStat", Cgroup::readMemoryStat, "memory", "memory.stat", "memory.stat"),
            new ReaderCase("readMemoryEvents", Cgroup::readMemoryEvents, "memory", "memory.oom_control",
                    "memory.events"),
            new ReaderCase("readIoStat", Cgroup::readIoStat, "blkio", "blkio.throttle.io_service_bytes",
                    "io.stat"),
            new ReaderCase("readIoLimits", Cgroup::readIoLimits, "blkio", "blkio.throttle.read_bps_device",
                    "io.max"),
            new ReaderCase("readPids", Cgroup::readPids, "pids", "pids.current", "pids.current"),
            new ReaderCase("readPidsMax", Cgroup::readPidsMax, "pids", "pids.max", "pids.max"),
            new ReaderCase("readMemoryLimits", Cgroup::readMemoryLimits, "memory", "memory.limit_in_bytes",
                    "memory.max"),
            new ReaderCase("readPressure", c -> c.readPressure(PressureResource.CPU), "unified", null,
                    "cpu.pressure"),
            new ReaderCase("readFreezerState", Cgroup::readFreezerState, "freezer", "freezer.state",
                    "cgroup.freeze"));

    enum Breakage { GONE, MISSING, MALFORMED }

    static Stream<Arguments> failures() {
        List<Scenario> hosts = List.of(Fixtures.v1DockerCgroupfs(), Fixtures.hostHybrid(),
                V2Fixtures.v2DockerSystemd());
        return hosts.stream().flatMap(s -> READERS.stream()
                .filter(r -> s.layout() != Layout.V1 || r.v1File() != null)
                .flatMap(r -> Stream.of(Breakage.values()).map(b -> Arguments.of(s, r, b))));
    }

    @ParameterizedTest(name = "{0}: {1} with {2}")
    @MethodSource("failures")
    void readerFailsWithTheMatchingErrorType(Scenario s, ReaderCase r, Breakage b) throws Exception {
        FakeCgroupTree t = s.tree().apply(tmp);
        Cgroup c = CgroupFs.open(t.probe()).cgroup(s.path());
        Path file = fileOf(t, s, r);
        Class<? extends CgroupException> expected;
        switch (b) {
            case GONE -> {
                deleteCgroupEverywhere(t.sysfs().resolve("fs/cgroup"), s.path());
                expected = CgroupGoneException.class;
            }
            case MISSING -> {
                Files.delete(file);
                if (file.toString().endsWith("_recursive")) {
                    // Without the _recursive file the reader uses the plain one (kernels before 4.9).
                    Files.delete(Path.of(file.toString().replace("_recursive", "")));
                }
                if (s.layout() == Layout.HYBRID && r.name().equals("readFreezerState")) {
                    // Hybrid falls back to the unified cgroup.freeze when the v1 freezer is not there.
                    Files.delete(t.unified(s.path()).path().resolve("cgroup.freeze"));
                }
                expected = ControllerUnavailableException.class;
            }
            default -> {
                Files.writeString(file, "garbage in a cgroup file\n");
                expected = MalformedCgroupFileException.class;
            }
        }
        CgroupException e = assertThrows(CgroupException.class, () -> r.reader().read(c));
        assertEquals(expected, e.getClass(), e.toString());
        assertTrue(e.file().toString().contains(s.path().substring(1).split("/")[0]) || b == Breakage.GONE,
                "error names the cgroup's file: " + e.file());
        if (e instanceof MalformedCgroupFileException m) {
            assertEquals("garbage in a cgroup file", m.line().strip().replace("\n", ""), m.getMessage());
        }
    }

    private static Path fileOf(FakeCgroupTree t, Scenario s, ReaderCase r) {
        if (s.layout() == Layout.V2 || r.controller().equals("unified")) {
            return t.unified(s.path()).path().resolve(r.v2File());
        }
        Path cg = t.sysfs().resolve("fs/cgroup");
        String dir = Files.isDirectory(cg.resolve("cpu,cpuacct")) && r.controller().startsWith("cpu")
                && !r.controller().equals("cpuset") ? "cpu,cpuacct" : r.controller();
        Path d = t.v1(dir, s.path()).path();
        // The reader prefers the _recursive blkio statistics when the kernel has them.
        return Files.exists(d.resolve(r.v1File() + "_recursive")) ? d.resolve(r.v1File() + "_recursive")
                : d.resolve(r.v1File());
    }

    private static void deleteCgroupEverywhere(Path cgroupRoot, String path) throws IOException {
        List<Path> dirs;
        try (Stream<Path> s = Files.walk(cgroupRoot)) {
            dirs = s.filter(p -> p.endsWith(Path.of(path.substring(1)))).toList();
        }
        for (Path d : dirs) {
            try (Stream<Path> s = Files.walk(d)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
