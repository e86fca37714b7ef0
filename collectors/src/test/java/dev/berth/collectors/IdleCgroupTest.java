package dev.berth.collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.CgroupFsProber;
import dev.berth.collectors.proc.BlockDevices;
import dev.berth.collectors.testing.FakeClock;
import dev.berth.collectors.testing.FakeContainer;
import dev.berth.collectors.testing.FakeHost;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sampler's idle gate ({@link ContainerSampler}'s class comment): a cgroup whose CPU time and memory did not move
 * keeps the files only its running tasks move for at most one events period, and is read in full as soon as it runs,
 * its memory moves, its members change or its limits are invalidated; v2's IO and every layout's freezer state are
 * read every tick.
 */
class IdleCgroupTest {
    private static final Duration EVENTS = Duration.ofSeconds(10);
    private static final String CGROUP = "/berth/idle";

    @TempDir
    Path dir;

    FakeHost host;
    FakeContainer c;
    FakeClock clock;
    ContainerSampler sampler;

    void setUp(FakeHost.Layout layout) throws Exception {
        host = FakeHost.of(layout, dir);
        c = host.container(CGROUP).pids(201);
        c.io.put("8:0", new long[] {1 << 20, 2 << 20, 10, 20});
        host.write();
        clock = new FakeClock(Instant.parse("2026-01-01T00:00:00Z"));
        CgroupFs fs = CgroupFs.open(new CgroupFsProber(host.procfs(), host.sysfs()).probe());
        sampler = new ContainerSampler(fs, host.procfs(), new BlockDevices(host.sysfs()), clock,
                Duration.ofSeconds(30), EVENTS);
    }

    private ContainerSample tick(long... pids) {
        clock.advance(Duration.ofSeconds(1));
        List<Long> members = pids.length == 0 ? List.of(201L) : java.util.Arrays.stream(pids).boxed().toList();
        ContainerIdentity id = new ContainerIdentity("idle", "idle", ContainerRuntime.BERTH, CGROUP, Optional.empty(),
                members, Optional.empty());
        sampler.beginTick();
        ContainerSample s = sampler.sample(id, w -> fail("unexpected warning: " + w)).orElseThrow();
        sampler.endTick();
        return s;
    }

    private static long inactiveFile(ContainerSample s) {
        return s.memory().inactiveFileBytes().getAsLong();
    }

    private static long ioRead(ContainerSample s) {
        return s.io().orElseThrow().get(0).readBytes();
    }

    @ParameterizedTest
    @EnumSource(FakeHost.Layout.class)
    void anIdleCgroupKeepsTheFilesOnlyItsTasksMoveForOneEventsPeriodAtMost(FakeHost.Layout layout)
            throws Exception {
        setUp(layout);
        Instant first = tick().at();
        c.inactiveFile += 1 << 20;
        c.pidsCurrent = 3;
        c.write();

        ContainerSample carried = tick();
        assertEquals(30L << 20, inactiveFile(carried), "carried: the cgroup did not run");
        assertEquals(1, carried.pids().current().getAsLong());
        ContainerSample s = carried;
        while (Duration.between(first, s.at()).compareTo(EVENTS) < 0 && inactiveFile(s) == 30L << 20) {
            s = tick();
        }
        assertEquals(31L << 20, inactiveFile(s), "read again within one events period of the last full read");
        assertEquals(3, s.pids().current().getAsLong());
    }

    @ParameterizedTest
    @EnumSource(FakeHost.Layout.class)
    void aCgroupThatRanOrWhoseMemoryMovedIsReadInFullAtTheNextTick(FakeHost.Layout layout) throws Exception {
        setUp(layout);
        tick();
        c.cpuUsageUsec += 1;
        c.inactiveFile += 1 << 20;
        c.io.get("8:0")[0] += 4096;
        c.write();
        ContainerSample ran = tick();
        assertEquals(31L << 20, inactiveFile(ran));
        assertEquals((1 << 20) + 4096, ioRead(ran));

        c.memoryUsage += 4096;
        c.inactiveFile += 1 << 20;
        c.write();
        assertEquals(32L << 20, inactiveFile(tick()), "the memory in use moved without the CPU time");
    }

    @ParameterizedTest
    @EnumSource(FakeHost.Layout.class)
    void newMembersOrAnInvalidationReadInFull(FakeHost.Layout layout) throws Exception {
        setUp(layout);
        tick();
        c.pids(201, 202);
        c.pidsCurrent = 2;
        c.write();
        assertEquals(2, tick(201, 202).pids().current().getAsLong(), "a process moved in does not run to be counted");

        c.inactiveFile += 1 << 20;
        c.write();
        sampler.invalidateLimits(CGROUP);
        assertEquals(31L << 20, inactiveFile(tick(201, 202)));
    }

    @ParameterizedTest
    @EnumSource(FakeHost.Layout.class)
    void ioIsCarriedOnV1OnlyAndTheFreezerIsReadEveryTick(FakeHost.Layout layout) throws Exception {
        setUp(layout);
        tick();
        c.io.get("8:0")[0] += 4096;
        c.frozen = true;
        c.write();
        ContainerSample s = tick();
        assertEquals(ContainerState.FROZEN, s.state(), "another tool's freeze shows at the next tick");
        // v2 charges writeback to the cgroup while none of its tasks runs; v1 counts it in the root.
        long expected = layout == FakeHost.Layout.V2 ? (1 << 20) + 4096 : 1 << 20;
        assertEquals(expected, ioRead(s));
        if (layout != FakeHost.Layout.V2) {
            // The carried counters are stamped with this tick's CPU read: known unchanged until then, so rate 0.
            assertEquals(s.readTimes().cpu(), s.readTimes().io());
        }
    }

    /**
     * Through a whole collector: on v1 and hybrid hosts discovery reads {@code pids.current} every tick (to tell
     * whether the members changed), and the sampler takes that count instead of opening the file again, so an idle
     * cgroup's task count is this tick's; on v2 it is the idle gate's, carried.
     */
    @ParameterizedTest
    @EnumSource(FakeHost.Layout.class)
    void anIdleCgroupsTaskCountIsTheOneDiscoveryReadThisTick(FakeHost.Layout layout) throws Exception {
        setUp(layout);
        try (Collector collector = newCollector()) {
            clock.advance(Duration.ofSeconds(1));
            assertEquals(1, pidsOf(collector.sample(TickOptions.CONTAINERS, w -> fail(w))));
            c.pidsCurrent = 3;   // threads started and ended between the ticks: no CPU time moved in the files
            c.write();
            clock.advance(Duration.ofSeconds(1));
            assertEquals(layout == FakeHost.Layout.V2 ? 1 : 3,
                    pidsOf(collector.sample(TickOptions.CONTAINERS, w -> fail(w))));
        }
    }

    /**
     * On v1 and hybrid hosts discovery keeps a cgroup's member list while {@code pids.current} stays the same, and
     * reads it again after 5 s only when the sampler saw the cgroup run since (a task that left by exiting ran), else
     * after 30 to 60 s; v2 reads {@code cgroup.procs} every tick. Here the list changes without the count: a sleeping task
     * moved out and another moved in.
     */
    @ParameterizedTest
    @EnumSource(FakeHost.Layout.class)
    void anIdleCgroupsMemberListIsKeptLongerThanOneThatRan(FakeHost.Layout layout) throws Exception {
        setUp(layout);
        boolean v2 = layout == FakeHost.Layout.V2;
        try (Collector collector = newCollector()) {
            assertEquals(List.of(201L), membersAfter(collector, Duration.ofSeconds(1)));
            // read again 5 s on: the first read had no CPU time to keep it by; this one has the sampler's
            assertEquals(List.of(201L), membersAfter(collector, Duration.ofSeconds(6)));
            c.pids(202);
            c.write();
            assertEquals(v2 ? List.of(202L) : List.of(201L), membersAfter(collector, Duration.ofSeconds(6)),
                    "5 s on, the cgroup did not run: the list is kept");
            // kept up to 30-60 s, by the cgroup's path
            assertEquals(v2 ? List.of(202L) : List.of(201L), membersAfter(collector, Duration.ofSeconds(23)));
            assertEquals(List.of(202L), membersAfter(collector, Duration.ofSeconds(31)), "after 60 s it is read");

            c.pids(203);
            c.cpuUsageUsec += 5_000;
            c.write();
            // this tick's discovery has the CPU time of the tick before; its sampler sees the cgroup ran
            assertEquals(v2 ? List.of(203L) : List.of(202L), membersAfter(collector, Duration.ofSeconds(1)));
            assertEquals(List.of(203L), membersAfter(collector, Duration.ofSeconds(5)),
                    "5 s after the last read, the cgroup ran since: the list is read");
        }
    }

    /**
     * The longer age needs the same tasks where the CPU time is read: a v1 cgroup whose cpuacct directory holds
     * other tasks than its pids one (v1 lets a task sit at different paths in different hierarchies) has its list
     * read every 5 s, idle or not.
     */
    @ParameterizedTest
    @EnumSource(value = FakeHost.Layout.class, names = {"V1", "HYBRID"})
    void aCgroupWhoseCpuacctTasksDifferIsReadEveryFiveSeconds(FakeHost.Layout layout) throws Exception {
        setUp(layout);
        Path acctProcs = host.cgroupRoot("cpuacct").resolve(CGROUP.substring(1)).resolve("cgroup.procs");
        java.nio.file.Files.writeString(acctProcs, "999\n");
        try (Collector collector = newCollector()) {
            assertEquals(List.of(201L), membersAfter(collector, Duration.ofSeconds(1)));
            assertEquals(List.of(201L), membersAfter(collector, Duration.ofSeconds(6)));
            c.pids(202);
            c.write();
            java.nio.file.Files.writeString(acctProcs, "999\n");
            assertEquals(List.of(202L), membersAfter(collector, Duration.ofSeconds(6)));
        }
    }

    /**
     * A cgroup with another below it gets no CPU time from discovery: v1's {@code pids.current} counts the tasks
     * below too, so a sleeping task moved from the cgroup below up into it changes neither its count nor its CPU
     * time; its list is read every 5 s.
     */
    @ParameterizedTest
    @EnumSource(value = FakeHost.Layout.class, names = {"V1", "HYBRID"})
    void aCgroupWithOneBelowItIsReadEveryFiveSeconds(FakeHost.Layout layout) throws Exception {
        setUp(layout);
        FakeContainer below = host.container(CGROUP + "/sub").pids(301);
        below.write();
        c.pidsCurrent = 2;   // v1 counts the tasks below too: 201 and 301
        c.write();
        try (Collector collector = newCollector()) {
            assertEquals(List.of(201L, 301L), membersAfter(collector, Duration.ofSeconds(1)));
            assertEquals(List.of(201L, 301L), membersAfter(collector, Duration.ofSeconds(6)));
            // 301 moved up while asleep: the cgroup's count stays (v1 counts the tasks below), no CPU time moves;
            // the cgroup below is read again (its count moved), and so must the one above be, or 301 drops out
            c.pids(201, 301);
            c.write();
            below.pids();
            below.write();
            assertEquals(List.of(201L, 301L), membersAfter(collector, Duration.ofSeconds(6)));
        }
    }

    /** A whole collector (discovery and sampler) on the fake host, with the test's clock. */
    private Collector newCollector() throws Exception {
        CgroupFs fs = CgroupFs.open(new CgroupFsProber(host.procfs(), host.sysfs()).probe());
        return new Collector(fs, host.procfs(), host.sysfs(),
                new dev.berth.collectors.discovery.RuntimeNames(host.root()), clock, 100, 4096);
    }

    private List<Long> membersAfter(Collector collector, Duration step) {
        clock.advance(step);
        return collector.sample(TickOptions.CONTAINERS, w -> fail(w)).containers().stream()
                .filter(x -> x.identity().cgroup().equals(CGROUP)).findFirst().orElseThrow().identity().pids();
    }

    private static long pidsOf(Samples s) {
        return s.containers().stream().filter(x -> x.identity().cgroup().equals(CGROUP)).findFirst().orElseThrow()
                .pids().current().getAsLong();
    }
}
