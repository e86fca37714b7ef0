package dev.berth.runtime.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.cgroupctl.CpuMax;
import dev.berth.cgroupctl.IoLimit;
import dev.berth.cgroupctl.IoLimit.Kind;
import dev.berth.cgroupctl.Limit;
import dev.berth.cgroupctl.Resources;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LimitResolverTest {
    @TempDir
    Path tmp;
    int fixtures;

    LimitResolver resolver(String online) throws IOException {
        FakeSysfs sys = new FakeSysfs(tmp.resolve("sys-" + ++fixtures)).onlineCpus(online).disk("vda", "254:0").disk("vdb", "254:16")
                .partition("vda", "vda1", "254:1");
        return new LimitResolver(new OnlineCpus(sys.root()), new BlockDevices(sys.root()));
    }

    @Test
    void everyOptionMapsToItsResource() throws Exception {
        LimitRequest req = LimitRequest.builder()
                .cpus(CpuQuota.parse("0.5")).cpuWeight(200L).cpusetCpus(CpuList.parse("1"))
                .memory(LimitSyntax.parseMemory("512M")).memoryHigh(LimitSyntax.parseMemoryHigh("256M"))
                .memorySwap(LimitSyntax.parseMemorySwap("0")).pids(LimitSyntax.parsePids("64"))
                .devices(List.of(DeviceRate.parse("254:0:1M", Kind.READ_BPS), DeviceRate.parse("254:16:100", Kind.WRITE_IOPS)))
                .build();
        Resources expected = Resources.none()
                .withCpuMax(new CpuMax(Limit.of(50_000), 100_000)).withCpuWeight(200).withCpusetCpus("1")
                .withMemoryMax(Limit.of(512L << 20)).withMemoryHigh(Limit.of(256L << 20)).withMemorySwapMax(Limit.of(0))
                .withPidsMax(Limit.of(64))
                .withIoLimit(new IoLimit(254, 0, Kind.READ_BPS, Limit.of(1 << 20)))
                .withIoLimit(new IoLimit(254, 16, Kind.WRITE_IOPS, Limit.of(100)));
        assertEquals(expected, resolver("0-1").resolve(req));
        assertEquals(Map.of("cpus", "0.5", "cpu-weight", "200", "cpuset-cpus", "1", "memory", "512M",
                "memory-high", "256M", "memory-swap", "0", "pids-limit", "64", "device-read-bps", "254:0:1M",
                "device-write-iops", "254:16:100"), req.describe());
    }

    @Test
    void emptyRequestIsNoChange() throws Exception {
        assertEquals(Resources.none(), resolver("0-1").resolve(LimitRequest.NONE));
        assertEquals(true, LimitRequest.builder().build().isEmpty());
    }

    @Test
    void cpusUpToTheOnlineCountAndMax() throws Exception {
        LimitResolver r = resolver("0-1");
        assertEquals(Resources.none().withCpuMax(new CpuMax(Limit.of(200_000), 100_000)),
                r.resolve(LimitRequest.builder().cpus(CpuQuota.parse("2")).build()));
        assertEquals(Resources.none().withCpuMax(new CpuMax(Limit.UNLIMITED, 100_000)),
                r.resolve(LimitRequest.builder().cpus(CpuQuota.parse("max")).build()));
    }

    @Test
    void cpusAboveTheOnlineCountAreRefused() throws Exception {
        InvalidLimitException e = assertThrows(InvalidLimitException.class,
                () -> resolver("0-1").resolve(LimitRequest.builder().cpus(CpuQuota.parse("2.01")).build()));
        assertEquals("--cpus 2.01 is more than the 2 online cpus: expected 0.01..2, or max", e.getMessage());
        e = assertThrows(InvalidLimitException.class,
                () -> resolver("0").resolve(LimitRequest.builder().cpus(CpuQuota.parse("1.5")).build()));
        assertEquals("--cpus 1.5 is more than the 1 online cpu: expected 0.01..1, or max", e.getMessage());
    }

    @Test
    void cpusetMustBeOnline() throws Exception {
        LimitResolver r = resolver("0-1,4");
        assertEquals(Resources.none().withCpusetCpus("0-1,4"),
                r.resolve(LimitRequest.builder().cpusetCpus(CpuList.parse("4,0-1")).build()));
        InvalidLimitException e = assertThrows(InvalidLimitException.class,
                () -> r.resolve(LimitRequest.builder().cpusetCpus(CpuList.parse("0-3")).build()));
        assertEquals("--cpuset-cpus 0-3: cpus 2-3 are not online (online: 0-1,4)", e.getMessage());
        e = assertThrows(InvalidLimitException.class,
                () -> r.resolve(LimitRequest.builder().cpusetCpus(CpuList.parse("5")).build()));
        assertEquals("--cpuset-cpus 5: cpu 5 is not online (online: 0-1,4)", e.getMessage());
    }

    @Test
    void memoryHighAboveMemoryIsRefused() throws Exception {
        LimitResolver r = resolver("0-1");
        InvalidLimitException e = assertThrows(InvalidLimitException.class, () -> r.resolve(LimitRequest.builder()
                .memory(LimitSyntax.parseMemory("1G")).memoryHigh(LimitSyntax.parseMemoryHigh("2G")).build()));
        assertEquals("--memory-high 2G is above --memory 1G: expected at most the hard limit (throttling starts "
                + "before the OOM killer)", e.getMessage());
        assertThrows(InvalidLimitException.class, () -> r.resolve(LimitRequest.builder()
                .memory(LimitSyntax.parseMemory("1G")).memoryHigh(Limit.UNLIMITED).build()));
        // equal is fine, and so is a high limit under an unlimited max
        r.resolve(LimitRequest.builder().memory(Limit.of(1L << 30)).memoryHigh(Limit.of(1L << 30)).build());
        r.resolve(LimitRequest.builder().memory(Limit.UNLIMITED).memoryHigh(Limit.of(1L << 30)).build());
    }

    @Test
    void unknownDeviceOrPartitionIsRefused() throws Exception {
        LimitResolver r = resolver("0-1");
        InvalidLimitException e = assertThrows(InvalidLimitException.class, () -> r.resolve(LimitRequest.builder()
                .devices(List.of(DeviceRate.parse("8:0:1M", Kind.READ_BPS))).build()));
        assertEquals("unknown block device 8:0: not in " + tmp.resolve("sys-1/dev/block") + "; expected a disk such as 254:0",
                e.getMessage());
        e = assertThrows(InvalidLimitException.class, () -> r.resolve(LimitRequest.builder()
                .devices(List.of(DeviceRate.parse("254:1:1M", Kind.READ_BPS))).build()));
        assertEquals("block device 254:1 is a partition; io limits apply to whole disks (its disk is 254:0)",
                e.getMessage());
    }

    @Test
    void laterDeviceArgumentReplacesAnEarlierOneOfTheSameKind() throws Exception {
        Resources r = resolver("0-1").resolve(LimitRequest.builder().devices(List.of(
                DeviceRate.parse("254:0:1M", Kind.READ_BPS), DeviceRate.parse("254:0:100", Kind.READ_IOPS),
                DeviceRate.parse("254:0:2M", Kind.READ_BPS))).build());
        assertEquals(List.of(new IoLimit(254, 0, Kind.READ_BPS, Limit.of(2 << 20)),
                new IoLimit(254, 0, Kind.READ_IOPS, Limit.of(100))), r.io());
    }

    @Test
    void unreadableOnlineFileIsAnIoError() throws Exception {
        FakeSysfs sys = new FakeSysfs(tmp.resolve("empty"));
        LimitResolver r = new LimitResolver(new OnlineCpus(sys.root()), new BlockDevices(sys.root()));
        assertThrows(IOException.class, () -> r.resolve(LimitRequest.builder().cpus(CpuQuota.parse("1")).build()));
    }
}
