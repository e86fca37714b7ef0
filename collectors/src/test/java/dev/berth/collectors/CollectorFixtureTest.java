package dev.berth.collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.CgroupFsProber;
import dev.berth.collectors.discovery.RuntimeNames;
import dev.berth.collectors.testing.FakeClock;
import dev.berth.collectors.testing.FakeContainer;
import dev.berth.collectors.testing.FakeHost;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole collector over fake hosts of each cgroup layout, with one container of every runtime layout:
 * identity, names, rates, namespaces, states, and containers that vanish between ticks.
 */
class CollectorFixtureTest {
    static final String DOCKER_ID = "1111111111111111111111111111111111111111111111111111111111111111";
    static final String DOCKER_SD_ID = "2222222222222222222222222222222222222222222222222222222222222222";
    static final String PODMAN_ID = "3333333333333333333333333333333333333333333333333333333333333333";
    static final String K8S_ID = "4444444444444444444444444444444444444444444444444444444444444444";
    static final String K8S_SD_ID = "5555555555555555555555555555555555555555555555555555555555555555";
    static final String POD = "a1b2c3d4-0000-1111-2222-333344445555";

    @TempDir
    Path dir;

    FakeHost host;
    FakeClock clock;
    Collector collector;

    void setUp(FakeHost.Layout layout) throws Exception {
        host = FakeHost.of(layout, dir);
        host.dockerName(DOCKER_ID, "web").podmanName(PODMAN_ID, "db");
        container("/docker/" + DOCKER_ID, 101);
        container("/system.slice/docker-" + DOCKER_SD_ID + ".scope", 102);
        container("/machine.slice/libpod-" + PODMAN_ID + ".scope", 103);
        container("/kubepods/burstable/pod" + POD + "/" + K8S_ID, 104);
        container("/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod" + POD.replace('-', '_')
                + ".slice/cri-containerd-" + K8S_SD_ID + ".scope", 105);
        container("/lxc.payload.box1", 0);
        container("/lxc.payload.box1/init.scope", 106);
        container("/lxc/oldbox", 107);
        container("/machine.slice/machine-my\\x2dvm.scope", 108);
        FakeContainer berth = container("/berth/api", 109);
        berth.quotaUsec = 50_000L;
        berth.memoryLimit = 400L << 20;
        berth.pidsLimit = 64L;
        berth.netns(4026532999L, Map.of("lo", new long[] {5000, 50}, "eth0", new long[] {10_000, 100}));
        berth.io.put("8:0", new long[] {1 << 20, 4 << 20, 10, 40});
        berth.io.put("8:1", new long[] {1 << 20, 4 << 20, 10, 40});
        berth.io.put("253:0", new long[] {1 << 20, 4 << 20, 10, 40});
        container("/system.slice/cron.service", 110);
        host.write();
        clock = new FakeClock(Instant.parse("2026-01-01T00:00:00Z"));
        CgroupFs fs = CgroupFs.open(new CgroupFsProber(host.procfs(), host.sysfs()).probe());
        collector = new Collector(fs, host.procfs(), host.sysfs(), new RuntimeNames(host.root()), clock, 100, 4096);
    }

    private FakeContainer container(String cgroup, long pid) {
        FakeContainer c = host.container(cgroup);
        if (pid > 0) {
            c.pids(pid);
        } else {
            c.pids();
        }
        return c;
    }

    private Map<String, ContainerModel> byCgroup(Snapshot s) {
        return s.containers().stream().collect(Collectors.toMap(c -> c.identity().cgroup(), c -> c));
    }

    @ParameterizedTest
    @EnumSource(FakeHost.Layout.class)
    void recognisesEveryRuntimeLayout(FakeHost.Layout layout) throws Exception {
        setUp(layout);
        Snapshot s = collector.tick(TickOptions.CONTAINERS);
        Map<String, ContainerModel> m = byCgroup(s);
        assertEquals(10 - 1, m.size(), "every container, not the systemd service; lxc child folded: " + m.keySet());
        assertIdentity(m, "/docker/" + DOCKER_ID, ContainerRuntime.DOCKER, DOCKER_ID, "web");
        assertIdentity(m, "/system.slice/docker-" + DOCKER_SD_ID + ".scope", ContainerRuntime.DOCKER, DOCKER_SD_ID,
                DOCKER_SD_ID.substring(0, 12));
        assertIdentity(m, "/machine.slice/libpod-" + PODMAN_ID + ".scope", ContainerRuntime.PODMAN, PODMAN_ID, "db");
        assertIdentity(m, "/kubepods/burstable/pod" + POD + "/" + K8S_ID, ContainerRuntime.KUBERNETES, K8S_ID,
                K8S_ID.substring(0, 12));
        assertEquals(POD, m.get("/kubepods/burstable/pod" + POD + "/" + K8S_ID).identity().pod().orElseThrow());
        assertIdentity(m, "/lxc.payload.box1", ContainerRuntime.LXC, "box1", "box1");
        assertEquals(List.of(106L), m.get("/lxc.payload.box1").identity().pids(), "members of child cgroups");
        assertIdentity(m, "/lxc/oldbox", ContainerRuntime.LXC, "oldbox", "oldbox");
        assertIdentity(m, "/machine.slice/machine-my\\x2dvm.scope", ContainerRuntime.NSPAWN, "my-vm", "my-vm");
        assertIdentity(m, "/berth/api", ContainerRuntime.BERTH, "api", "api");
        assertFalse(m.containsKey("/system.slice/cron.service"));
        assertTrue(s.warnings().isEmpty(), s.warnings().toString());

        Set<String> all = byCgroup(collector.tick(new TickOptions(true, false, Set.of()))).keySet();
        assertTrue(all.contains("/system.slice/cron.service"), all.toString());
        assertTrue(all.contains("/system.slice"), all.toString());
        assertFalse(all.contains("/lxc.payload.box1/init.scope"), "inside a container: " + all);
    }

    private static void assertIdentity(Map<String, ContainerModel> m, String cgroup, ContainerRuntime rt, String id,
            String name) {
        ContainerModel c = m.get(cgroup);
        assertTrue(c != null, "missing " + cgroup + " in " + m.keySet());
        assertEquals(rt, c.identity().runtime(), cgroup);
        assertEquals(id, c.identity().id(), cgroup);
        assertEquals(name, c.identity().name(), cgroup);
        assertEquals(ContainerState.RUNNING, c.state(), cgroup);
    }

    @ParameterizedTest
    @EnumSource(FakeHost.Layout.class)
    void ratesAndFiguresOverTwoTicks(FakeHost.Layout layout) throws Exception {
        setUp(layout);
        Snapshot first = collector.tick(TickOptions.CONTAINERS);
        ContainerModel a = byCgroup(first).get("/berth/api");
        assertTrue(a.cpu().percent().isEmpty(), "no rate on the first tick");
        assertEquals(1.0, a.cpu().usageSeconds().getAsDouble(), 1e-9);
        assertEquals(0.5, a.cpu().limitCpus().getAsDouble(), 1e-9);
        assertEquals(70L << 20, a.memory().workingSetBytes().getAsLong(), "100 MiB usage - 30 MiB inactive file");
        assertEquals(400L << 20, a.memory().limit().orElseThrow().value().getAsLong());
        assertEquals(64, a.pids().limit().orElseThrow().value().getAsLong());
        assertEquals(4L << 20, a.io().writeBytes().getAsLong(), "sda only; sda1 and dm-0 are not whole disks");
        assertEquals(10_000, a.net().rxBytes().getAsLong(), "own namespace, lo excluded");
        assertFalse(a.net().netns().orElseThrow().host());
        ContainerModel web = byCgroup(first).get("/docker/" + DOCKER_ID);
        assertTrue(web.net().netns().orElseThrow().host(), "shares the host's namespace");
        assertTrue(web.net().rxBytes().isEmpty(), "host traffic is not the container's");

        FakeContainer api = host.container("/berth/api");
        api.cpuUsageUsec += 1_000_000;      // 1 s of CPU in 2 s: 50 % of one core
        api.userUsec += 600_000;
        api.systemUsec += 400_000;
        api.throttledUsec += 200_000;
        api.io.put("8:0", new long[] {1 << 20, 8 << 20, 10, 80});
        api.net.put("eth0", new long[] {30_000, 300});
        api.write();
        host.advanceHost(2).write();
        clock.advance(Duration.ofSeconds(2));
        Snapshot second = collector.tick(TickOptions.CONTAINERS);
        ContainerModel b = byCgroup(second).get("/berth/api");
        assertEquals(50.0, b.cpu().percent().getAsDouble(), 1e-9);
        assertEquals(100.0, b.cpu().percentOfLimit().getAsDouble(), 1e-9);
        assertEquals(0.1, b.cpu().throttledPerSecond().getAsDouble(), 1e-9);
        assertEquals(2L << 20, b.io().writeBytesPerSecond().getAsDouble(), 1e-6);
        assertEquals(10_000, b.net().rxBytesPerSecond().getAsDouble(), 1e-9);
        assertEquals(Duration.ofSeconds(2), second.elapsed().orElseThrow());
        // Host: 200 ticks/s of user time added on a 2-CPU host of 100 Hz.
        assertTrue(second.host().cpu().isPresent());
        assertEquals(2 * 1048576.0 / 2, second.host().diskTotal().orElseThrow().readBytesPerSecond().getAsDouble(),
                1e-6, "2048 sectors/s on sda; sda1 and dm-0 show the same IO and are not added");
        assertEquals(1000.0, second.host().netTotal().orElseThrow().rxBytesPerSecond().getAsDouble(), 1e-9);
    }

    /** Members come sorted and once each, whether a cgroup lists them out of order or they come from children. */
    @ParameterizedTest
    @EnumSource(FakeHost.Layout.class)
    void membersAreSortedAndDistinct(FakeHost.Layout layout) throws Exception {
        setUp(layout);
        host.container("/berth/api").pids(300, 109, 200).write();
        host.container("/lxc.payload.box1").pids(400, 106).write();
        Map<String, ContainerModel> m = byCgroup(collector.tick(new TickOptions(true, false, Set.of())));
        assertEquals(List.of(109L, 200L, 300L), m.get("/berth/api").identity().pids());
        assertEquals(List.of(106L, 400L), m.get("/lxc.payload.box1").identity().pids(), "own and init.scope's");
        List<Long> berth = m.get("/berth").identity().pids();
        assertEquals(List.of(109L, 200L, 300L), berth, "a plain parent: its children's members, merged");
        host.container("/berth/api").pids(109, 200, 300).write();
        Map<String, ContainerModel> again = byCgroup(collector.tick(new TickOptions(true, false, Set.of())));
        assertTrue(again.get("/berth").identity().pids() == berth, "an unchanged list is the last tick's");
    }

    /**
     * The recorder's tick without models reads exactly what a full tick reads (the same records, as a second
     * collector over the same host gets them), and a later full tick derives its rates against it.
     */
    @ParameterizedTest
    @EnumSource(FakeHost.Layout.class)
    void sampleReadsWhatTickReadsAndLaterTicksDeriveAgainstIt(FakeHost.Layout layout) throws Exception {
        setUp(layout);
        CgroupFs fs = CgroupFs.open(new CgroupFsProber(host.procfs(), host.sysfs()).probe());
        Collector ticking = new Collector(fs, host.procfs(), host.sysfs(), new RuntimeNames(host.root()), clock, 100,
                4096);
        TickOptions all = new TickOptions(true, false, Set.of());
        List<String> warnings = new ArrayList<>();
        Samples sampled = collector.sample(all, warnings::add);
        Snapshot ticked = ticking.tick(all);
        assertEquals(ticking.lastSamples().orElseThrow(), sampled);
        assertEquals(sampled, collector.lastSamples().orElseThrow());
        assertTrue(sampled.containers().size() > 9, "every cgroup: " + sampled.containers().size());
        assertEquals(ticked.warnings(), warnings, "the same read problems (the fixture's parents have no members file)");

        FakeContainer api = host.container("/berth/api");
        api.cpuUsageUsec += 1_000_000;      // 1 s of CPU in 2 s: 50 % of one core
        api.write();
        host.advanceHost(2).write();
        clock.advance(Duration.ofSeconds(2));
        Snapshot second = collector.tick(TickOptions.CONTAINERS);
        assertEquals(50.0, byCgroup(second).get("/berth/api").cpu().percent().getAsDouble(), 1e-9);
        assertEquals(Duration.ofSeconds(2), second.elapsed().orElseThrow());
        assertTrue(second.host().cpu().isPresent(), "host rates against the sampled host");
    }

    @ParameterizedTest
    @EnumSource(FakeHost.Layout.class)
    void frozenExitedAndVanished(FakeHost.Layout layout) throws Exception {
        setUp(layout);
        collector.tick(TickOptions.CONTAINERS);
        host.container("/berth/api").frozen = true;
        host.container("/berth/api").write();
        host.container("/lxc/oldbox").pids().write();    // every process gone, cgroup still there
        host.remove("/docker/" + DOCKER_ID);              // the runtime removed the cgroup
        clock.advance(Duration.ofSeconds(1));
        Map<String, ContainerModel> m = byCgroup(collector.tick(TickOptions.CONTAINERS));
        assertEquals(ContainerState.FROZEN, m.get("/berth/api").state());
        assertFalse(m.containsKey("/lxc/oldbox"), "exited containers only with --all");
        assertFalse(m.containsKey("/docker/" + DOCKER_ID));
        Map<String, ContainerModel> all = byCgroup(collector.tick(new TickOptions(true, false, Set.of())));
        assertEquals(ContainerState.EXITED, all.get("/lxc/oldbox").state());
    }

    @ParameterizedTest
    @EnumSource(FakeHost.Layout.class)
    void processesOfOneContainer(FakeHost.Layout layout) throws Exception {
        setUp(layout);
        TickOptions opts = new TickOptions(false, true, Set.of("/berth/api"));
        collector.tick(opts);
        clock.advance(Duration.ofSeconds(1));
        Snapshot s = collector.tick(opts);
        List<ProcessModel> p = s.processes().get("/berth/api");
        assertEquals(1, p.size());
        assertEquals(109, p.get(0).pid());
        assertEquals("/bin/worker --id 109", p.get(0).command());
        assertEquals(2560L * 4096, p.get(0).rssBytes().getAsLong());
        assertEquals(0.0, p.get(0).cpuPercent().getAsDouble(), 1e-9);
        assertFalse(s.host().processes().isEmpty());
    }
}
