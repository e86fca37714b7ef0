package dev.berth.tui.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.CgroupFsProber;
import dev.berth.collectors.Collector;
import dev.berth.collectors.discovery.RuntimeNames;
import dev.berth.collectors.testing.FakeContainer;
import dev.berth.collectors.testing.FakeHost;
import dev.berth.ops.LimitsReader;
import dev.berth.tui.view.ContainerDetail;
import dev.berth.tui.view.ContainerRow;
import dev.berth.collectors.ContainerState;
import dev.berth.tui.view.Snapshot;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The adapter from the collectors' snapshot to the console's view-model, over a fake host tree. */
class CollectorSourceTest {
    @TempDir
    Path dir;
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @ParameterizedTest
    @EnumSource(FakeHost.Layout.class)
    void mapsRowsRatesLimitsAndDetail(FakeHost.Layout layout) throws Exception {
        FakeHost host = FakeHost.of(layout, dir);
        FakeContainer api = host.container("/berth/api").pids(109);
        api.quotaUsec = 50_000L;
        api.memoryLimit = 400L << 20;
        api.pidsLimit = 64L;
        api.netns(4026532999L, Map.of("eth0", new long[] {10_000, 100}));
        host.write();
        InstantSource clock = () -> now;
        CgroupFs fs = CgroupFs.open(new CgroupFsProber(host.procfs(), host.sysfs()).probe());
        Collector collector = new Collector(fs, host.procfs(), host.sysfs(), new RuntimeNames(host.root()), clock,
                100, 4096);
        LimitsReader limits = new LimitsReader(fs);
        CollectorSource source = new CollectorSource(collector, new SystemFacts(host.procfs(), clock), limits::read);

        Snapshot first = source.sample(SampleRequest.DEFAULT);
        ContainerRow row = first.containers().stream().filter(r -> r.name().equals("api")).findFirst().orElseThrow();
        assertEquals("/berth/api", row.id());
        assertEquals("berth", row.runtime());
        assertEquals(ContainerState.RUNNING, row.state());
        assertEquals(OptionalDouble.empty(), row.cpuPct(), "no rate on the first sample");
        assertEquals(OptionalDouble.of(0.5), row.cpuLimitCores());
        assertEquals(OptionalLong.of(70L << 20), row.memWorkingSetBytes(), "usage 100M minus inactive file 30M");
        assertEquals(OptionalLong.of(400L << 20), row.memLimitBytes());
        assertEquals(java.util.Optional.of(dev.berth.cgroupctl.Limit.of(400L << 20)), row.memLimit());
        assertEquals(OptionalLong.of(1), row.pids());
        assertTrue(first.detail().isEmpty());

        api.cpuUsageUsec += 250_000;
        api.write();
        host.advanceHost(1).write();
        now = now.plusSeconds(1);
        Snapshot second = source.sample(new SampleRequest(Optional.of("/berth/api"), false, false));
        row = second.containers().stream().filter(r -> r.name().equals("api")).findFirst().orElseThrow();
        assertEquals(25.0, row.cpuPct().orElseThrow(), 1e-6, "0.25 s of CPU in 1 s");
        ContainerDetail d = second.detail().orElseThrow();
        assertEquals("/berth/api", d.id());
        assertEquals(Optional.of("0.5"), d.limits().cpuQuota());
        assertEquals(Optional.of("400M"), d.limits().memoryMax());
        assertEquals(Optional.of("64"), d.limits().pidsMax());
        assertTrue(d.memoryBreakdown().contains(new ContainerDetail.MemoryPart("anon", 60L << 20)),
                d.memoryBreakdown().toString());
        assertTrue(d.interfaces().stream().anyMatch(i -> i.iface().equals("eth0")), d.interfaces().toString());
        assertTrue(second.host().cpuTotalPct().isPresent(), "host CPU after two samples");
        assertTrue(second.host().memTotalBytes() > 0);
    }

    @Test
    void allCgroupsListsPlainCgroups() throws Exception {
        FakeHost host = FakeHost.v2(dir);
        host.container("/berth/api").pids(109);
        host.container("/system.slice/cron.service").pids(110);
        host.write();
        InstantSource clock = () -> now;
        CgroupFs fs = CgroupFs.open(new CgroupFsProber(host.procfs(), host.sysfs()).probe());
        CollectorSource source = new CollectorSource(new Collector(fs, host.procfs(), host.sysfs(),
                new RuntimeNames(host.root()), clock, 100, 4096), new SystemFacts(host.procfs(), clock),
                new LimitsReader(fs)::read);
        assertTrue(source.sample(SampleRequest.DEFAULT).containers().stream()
                .noneMatch(r -> r.cgroupPath().equals("/system.slice/cron.service")));
        assertTrue(source.sample(new SampleRequest(Optional.empty(), true, false)).containers().stream()
                .anyMatch(r -> r.cgroupPath().equals("/system.slice/cron.service")));
    }
}
