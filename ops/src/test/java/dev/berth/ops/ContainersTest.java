package dev.berth.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.cgroupctl.testing.FakeCgroupTree;
import dev.berth.runtime.ContainerId;
import dev.berth.runtime.ContainerName;
import dev.berth.runtime.RuntimeConfig;
import dev.berth.runtime.control.KillSignal;
import dev.berth.runtime.limits.LimitRequest;
import dev.berth.runtime.limits.LimitSyntax;
import dev.berth.runtime.state.ContainerRecord;
import dev.berth.runtime.state.SpecSummary;
import dev.berth.runtime.state.StateStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verbs on a fake cgroup v2 host, a fake procfs and a temp state dir, with a fake signaller (no real process is
 * ever signalled): one probe per host, ownership by state record, never acting on the cgroup a state file names,
 * never signalling a pid outside the container's cgroup, the audit events.
 */
class ContainersTest {
    static final Instant T0 = Instant.parse("2026-11-30T20:00:00Z");
    static final long INIT = 4_000_001;  // a pid in the fake procfs only: the fake signaller never signals for real

    @TempDir
    Path tmp;
    FakeCgroupTree tree;
    RuntimeConfig config;
    StateStore store;
    final List<String> signalled = new ArrayList<>();
    final List<ActionEvent> events = new ArrayList<>();
    final AtomicInteger probes = new AtomicInteger();
    /** What the fake signaller does besides recording the signal (e.g. the container dies). */
    Runnable onSignal = () -> { };

    @BeforeEach
    void setUp() throws Exception {
        tree = FakeCgroupTree.v2(tmp.resolve("host"));
        long self = ProcessHandle.current().pid();
        tree.proc(self, "0::/user.slice/session-1.scope\n");
        tree.unified("/user.slice/session-1.scope").file("cgroup.procs", self + "\n");
        Files.createDirectories(tree.sysfs().resolve("devices/system/cpu"));
        Files.writeString(tree.sysfs().resolve("devices/system/cpu/online"), "0-1\n");
        for (String path : List.of("/berth/web", "/victim")) {
            cgroup(path);
        }
        config = new RuntimeConfig(tmp.resolve("state"), "berth");
        store = new StateStore(config.stateDir());
    }

    void cgroup(String path) {
        tree.unified(path).file("cgroup.procs", "").file("cgroup.freeze", "0\n").file("cgroup.events", "frozen 0\n")
                .file("cpu.max", "max 100000\n").file("pids.max", "max\n").file("memory.current", "1048576\n")
                .file("memory.stat", "anon 1048576\ninactive_file 0\n").file("memory.max", "max\n")
                .file("memory.high", "max\n").file("pids.current", "0\n").file("cpu.weight", "100\n");
    }

    Host host() {
        return new Host(new HostConfig(tree.procfs(), tree.sysfs(), config), () -> {
            probes.incrementAndGet();
            return tree.probe();
        }, InstantSource.fixed(T0.plusSeconds(60)), events::add, () -> (pid, sig) -> {
            signalled.add(pid + ":" + sig.name());
            onSignal.run();
            return true;
        });
    }

    /** berth's container {@code name}, running with init {@link #INIT}, its state naming {@code cgroupPath}. */
    ContainerRecord own(String name, String cgroupPath, boolean detached) throws Exception {
        ContainerName n = ContainerName.of(name);
        SpecSummary spec = new SpecSummary(List.of("sh"), "/srv/rootfs", false, null, "none", null, null, null,
                List.of(), List.of(), false, detached, Map.of("pids-limit", "100"));
        ContainerRecord r = ContainerRecord.created(n, ContainerId.random(), spec, cgroupPath, T0,
                Path.of("/srv/rootfs"), null, null, store.logPath(n)).withPid(INIT, 5L).running(T0);
        tree.procFile(INIT, "stat", INIT + " (sh) S 1 1 1 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 5 0 0\n");
        store.create(r);
        return r;
    }

    @Test
    void oneProbeServesTheCollectorTheLimitsReaderAndTheVerbs() throws Exception {
        Host host = host();
        assertEquals(0, host.probeCount(), "nothing is probed before it is needed");
        host.newCollector();
        host.newCollector();
        host.limitsReader().read("/victim");
        host.containers().resolve("/victim");
        host.containerNames();
        assertEquals(1, probes.get());
        assertEquals(1, host.probeCount());
    }

    @Test
    void ownershipIsTheStateRecordNotTheCgroupPath() throws Exception {
        cgroup("/berth/stray");
        own("web", "/berth/web", true);
        Containers c = host().containers();
        assertTrue(c.targetOfCgroup("/berth/web", "web").own().isPresent());
        assertEquals(Optional.empty(), c.targetOfCgroup("/berth/stray", "stray").own(),
                "a cgroup under the parent without a record is not berth's");
        assertTrue(c.resolve("/berth/web").own().isPresent(), "a path resolves to the container that owns it");
    }

    @Test
    void aStateFileNamingAnotherCgroupIsNeverActedOn() throws Exception {
        own("web", "/victim", true);
        Containers c = host().containers();
        RefusedException e = assertThrows(RefusedException.class, () -> c.resolve("web"));
        assertEquals("the state of container web names cgroup /victim, not /berth/web (cgroup parent /berth): not "
                + "acting on it; give the --cgroup-parent it was started with, or remove it with 'berth rm -f web'",
                e.getMessage());
        assertThrows(RefusedException.class, () -> c.own(ContainerName.of("web")));
        if (c.launchUnavailableReason().isEmpty()) {
            assertThrows(RefusedException.class, () -> c.exec(ContainerName.of("web"),
                    new dev.berth.runtime.launch.ExecSpec(List.of("sh"), false, false, List.of(), Optional.empty(),
                            Optional.empty())));
        }
        assertEquals("max\n", tree.unified("/victim").read("pids.max"));
        assertEquals(List.of(), signalled);
    }

    @Test
    void aRecordedPidOutsideTheCgroupIsNotSignalled() throws Exception {
        own("web", "/berth/web", true);  // cgroup.procs of /berth/web is empty: INIT is not in it
        Containers c = host().containers();
        Target t = c.resolve("web");
        RefusedException e = assertThrows(RefusedException.class, () -> c.kill(t, KillSignal.TERM));
        assertEquals("the recorded init pid " + INIT + " of web is not in its cgroup /berth/web: not signalled",
                e.getMessage());
        assertEquals(List.of(), signalled);

        tree.unified("/berth/web").file("cgroup.procs", INIT + "\n");
        c.kill(t, KillSignal.TERM);
        assertEquals(List.of(INIT + ":TERM"), signalled);
    }

    @Test
    void stopOfAForegroundRunRmContainerThatRemovesItselfSucceeds() throws Exception {
        own("fg", "/berth/fg", false);
        cgroup("/berth/fg");
        tree.unified("/berth/fg").file("cgroup.procs", INIT + "\n");
        // on SIGTERM the container dies and its foreground `berth run --rm` removes the cgroup and the state
        onSignal = () -> {
            deleteTree(tree.procfs().resolve(Long.toString(INIT)));
            deleteTree(tree.unified("/berth/fg").path());
            deleteTree(store.containerDir(ContainerName.of("fg")));
        };
        Containers c = host().containers();
        Target t = c.resolve("fg");
        c.stop(t, Duration.ofSeconds(1));
        assertEquals(List.of(INIT + ":TERM"), signalled);
        assertEquals(ActionEvent.Outcome.DONE, events.get(events.size() - 1).outcome());
    }

    @Test
    void setRecordsTheLimitsOfOwnContainersAndReportsBeforeAndAfter() throws Exception {
        own("web", "/berth/web", true);
        Containers c = host().containers();
        LimitRequest request = LimitRequest.builder().pids(LimitSyntax.parsePids("64")).build();
        assertEquals(Map.of("pids-limit", "64"), c.setLimits(c.resolve("web"), LimitChange.of(request)));
        assertEquals("64", tree.unified("/berth/web").read("pids.max").strip());
        assertEquals(Map.of("pids-limit", "64"), store.load(ContainerName.of("web")).orElseThrow().spec().limits());
        ActionEvent ev = events.get(0);
        assertEquals(ActionEvent.Action.SET_LIMITS, ev.action());
        assertEquals("web", ev.target());
        assertEquals(Optional.of("/berth/web"), ev.cgroupPath());
        assertEquals("max", ev.before().get("pids-limit"));
        assertEquals(Map.of("pids-limit", "64"), ev.after());
        assertEquals(ActionEvent.Outcome.DONE, ev.outcome());
        assertEquals(Optional.empty(), ev.error());
    }

    @Test
    void aRefusedActionIsReportedWithItsError() throws Exception {
        Containers c = host().containers();
        Target t = c.resolve("/victim");
        LimitRequest below = LimitRequest.builder().memory(LimitSyntax.parseMemory("8M")).build();
        tree.unified("/victim").file("memory.current", "104857600\n").file("memory.stat", "anon 104857600\n");
        assertThrows(RefusedException.class, () -> c.setLimits(t, LimitChange.of(below)));
        ActionEvent ev = events.get(0);
        assertEquals(ActionEvent.Outcome.REFUSED, ev.outcome());
        assertTrue(ev.error().orElseThrow().startsWith("--memory 8M is below the current usage of /victim"),
                ev.error().orElseThrow());
        assertEquals("max\n", tree.unified("/victim").read("memory.max"));
    }

    @Test
    void aSetTellsOtherProcessesThroughTheStateDirAndARefusedOneDoesNot() throws Exception {
        // what a running console's collector of another berth process looks at each tick
        dev.berth.collectors.LimitChangeMarker watcher = dev.berth.collectors.LimitChangeMarker.in(config.stateDir());
        assertFalse(watcher.changedSinceLastLook());
        Containers c = host().containers();
        Target t = c.resolve("/victim");
        tree.unified("/victim").file("memory.current", "104857600\n").file("memory.stat", "anon 104857600\n");
        assertThrows(RefusedException.class, () -> c.setLimits(t,
                LimitChange.of(LimitRequest.builder().memory(LimitSyntax.parseMemory("8M")).build())));
        assertFalse(watcher.changedSinceLastLook(), "rolled back: nothing for readers to re-read");
        c.setLimits(t, LimitChange.of(LimitRequest.builder().pids(LimitSyntax.parsePids("10")).build()));
        assertTrue(watcher.changedSinceLastLook());
        assertEquals("/victim\n", Files.readString(watcher.file()));
    }

    @Test
    void aListenerThatThrowsDoesNotChangeTheOutcome() throws Exception {
        Host host = new Host(new HostConfig(tree.procfs(), tree.sysfs(), config), tree::probe, InstantSource.system(),
                e -> {
                    throw new IllegalStateException("journal full");
                }, () -> (pid, sig) -> true);
        Containers c = host.containers();
        LimitRequest request = LimitRequest.builder().pids(LimitSyntax.parsePids("10")).build();
        c.setLimits(c.resolve("/victim"), LimitChange.of(request));
        assertEquals("10", tree.unified("/victim").read("pids.max").strip());
    }

    @Test
    void unknownNamesAreNoSuchContainer() throws Exception {
        Containers c = host().containers();
        NoSuchContainerException e = assertThrows(NoSuchContainerException.class, () -> c.resolve("nobody"));
        assertEquals("no such container: nobody (expected a name, id or cgroup path that 'berth ps --all' shows)",
                e.getMessage());
        assertFalse(e.getMessage().endsWith("."));
    }

    static void deleteTree(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
