package dev.berth.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.cgroupctl.CpuMax;
import dev.berth.cgroupctl.IoLimit;
import dev.berth.cgroupctl.Limit;
import dev.berth.cgroupctl.testing.FakeCgroupTree;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LimitsReaderTest {
    @TempDir
    Path tmp;

    @Test
    void currentValuesFormatInTheSetSyntax() {
        assertEquals("0.5", LimitsReader.cores(new CpuMax(Limit.of(50_000), 100_000)));
        assertEquals("2", LimitsReader.cores(new CpuMax(Limit.of(200_000), 100_000)));
        assertEquals("max", LimitsReader.cores(new CpuMax(Limit.UNLIMITED, 100_000)));
        assertEquals("512M", LimitsReader.bytes(Limit.of(512L << 20)));
        assertEquals("max", LimitsReader.bytes(Limit.UNLIMITED));
        assertEquals(List.of("8:0 rbps=1M wiops=100"), LimitsReader.io(List.of(
                new IoLimit(8, 0, IoLimit.Kind.READ_BPS, Limit.of(1 << 20)),
                new IoLimit(8, 0, IoLimit.Kind.WRITE_IOPS, Limit.of(100)),
                new IoLimit(8, 0, IoLimit.Kind.WRITE_BPS, Limit.UNLIMITED))));
    }

    /**
     * On v1 a cgroup may exist in some hierarchies only (a systemd unit is in memory and pids, not in cpuset): the
     * missing hierarchy makes that one limit unavailable, the others are read.
     */
    @Test
    void aCgroupMissingFromOneV1HierarchyLosesOnlyThoseLimits() throws Exception {
        FakeCgroupTree tree = FakeCgroupTree.v1(tmp);
        String path = "/system.slice/app.service";
        tree.v1("memory", path).file("memory.limit_in_bytes", "536870912\n").file("memory.usage_in_bytes", "0\n").file("memory.failcnt", "0\n")
                .file("memory.soft_limit_in_bytes", "9223372036854771712\n");
        tree.v1("pids", path).file("pids.max", "100\n").file("pids.current", "1\n");
        tree.v1("cpu,cpuacct", path).file("cpu.cfs_quota_us", "50000\n").file("cpu.cfs_period_us", "100000\n")
                .file("cpu.shares", "1024\n");
        CurrentLimits l = new LimitsReader(tree.open()).read(path);
        assertEquals(Optional.of("512M"), l.memoryMax());
        assertEquals(Optional.of("100"), l.pidsMax());
        assertEquals(Optional.of("0.5"), l.cpuQuota());
        assertEquals(Optional.empty(), l.cpusetCpus(), "not in the cpuset hierarchy");
        assertEquals(Optional.empty(), l.cpusetMems());
    }
}
