package dev.berth.runtime.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.cgroupctl.testing.FakeCgroupTree;
import dev.berth.runtime.ContainerId;
import dev.berth.runtime.ContainerName;
import dev.berth.runtime.ContainerNotFoundException;
import dev.berth.runtime.RuntimeConfig;
import dev.berth.runtime.state.ContainerRecord;
import dev.berth.runtime.state.ContainerStatus;
import dev.berth.runtime.state.ProcessProbe;
import dev.berth.runtime.state.SpecSummary;
import dev.berth.runtime.state.StateStore;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lifecycle and LogReader on a fake cgroup v2 host, a fake procfs and a state dir in a temp dir:
 * the paths that need no kernel (removing an exited container's leftovers, refusals, marking dead
 * containers exited, logs). Stopping and killing live containers is in the privileged suite.
 */
class LifecycleTest {
    static final Instant T0 = Instant.parse("2026-11-22T03:00:00Z");

    @TempDir
    Path tmp;
    FakeCgroupTree tree;
    StateStore store;
    Lifecycle lifecycle;
    List<String> signalled = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        tree = FakeCgroupTree.v2(tmp.resolve("host"));
        RuntimeConfig config = new RuntimeConfig(tmp.resolve("state"), "berth");
        store = new StateStore(config.stateDir());
        lifecycle = new Lifecycle(config, store, tree.open(), new ProcessProbe(tree.procfs()),
                (pid, sig) -> signalled.add(pid + ":" + sig.name()), InstantSource.fixed(T0.plusSeconds(60)));
    }

    ContainerRecord record(String name, boolean detached, Path upper, Path work) {
        ContainerName n = ContainerName.of(name);
        SpecSummary spec = new SpecSummary(List.of("sh"), "/srv/rootfs", upper != null, null, "none", null, null, null,
                List.of(), List.of(), false, detached, Map.of());
        return ContainerRecord.created(n, ContainerId.random(), spec, "/berth/" + name, T0, Path.of("/srv/rootfs"),
                upper, work, store.logPath(n));
    }

    void alive(long pid, long start) {
        tree.procFile(pid, "stat", pid + " (sh) S 1 1 1 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 " + start + " 0 0\n");
    }

    @Test
    void removeOfAnExitedContainerDeletesItsLayersStateAndLog() throws Exception {
        Path upper = Files.createDirectories(tmp.resolve("layers/web/upper/etc"));
        Files.writeString(upper.resolve("hostname"), "web\n");
        Path work = Files.createDirectories(tmp.resolve("layers/web/work/work"));
        ContainerRecord r = record("web", true, tmp.resolve("layers/web/upper"), tmp.resolve("layers/web/work"))
                .withPid(77, 5L).running(T0).exited(0, T0.plusSeconds(1));
        store.create(r);
        Files.writeString(r.logPath(), "bye\n");

        lifecycle.remove(r.name(), false);

        assertEquals(Optional.empty(), store.load(r.name()));
        assertFalse(Files.exists(tmp.resolve("layers/web/upper")));
        assertFalse(Files.exists(work));
        assertFalse(Files.exists(r.logPath()));
        assertTrue(Files.exists(tmp.resolve("layers/web")), "only the container's own layers go");
        assertThrows(ContainerNotFoundException.class, () -> lifecycle.remove(r.name(), false));
    }

    @Test
    void removeOfARunningContainerNeedsForce() throws Exception {
        alive(77, 5);
        ContainerRecord r = record("live", true, null, null).withPid(77, 5L).running(T0);
        store.create(r);
        ControlException e = assertThrows(ControlException.class, () -> lifecycle.remove(r.name(), false));
        assertEquals("container live is running: stop it first, or use rm -f", e.getMessage());
        assertEquals(ContainerStatus.RUNNING, store.load(r.name()).orElseThrow().status());
        assertEquals(List.of(), signalled);
    }

    @Test
    void aContainerWhoseProcessDiedIsExitedAndRemovableWithoutForce() throws Exception {
        ContainerRecord r = record("dead", true, null, null).withPid(78, 5L).running(T0);
        store.create(r);
        ContainerRecord seen = lifecycle.get(r.name());
        assertEquals(ContainerStatus.EXITED, seen.status());
        assertEquals(T0.plusSeconds(60), seen.finishedAt());
        assertEquals(seen, store.load(r.name()).orElseThrow());
        lifecycle.remove(r.name(), false);
        assertEquals(Optional.empty(), store.load(r.name()));
    }

    @Test
    void stopOfAnExitedContainerOnlyRecordsIt() throws Exception {
        ContainerRecord r = record("gone", true, null, null).withPid(79, 5L).running(T0);
        store.create(r);
        ContainerRecord stopped = lifecycle.stop(r.name(), java.time.Duration.ofSeconds(1));
        assertEquals(ContainerStatus.EXITED, stopped.status());
        assertEquals(List.of(), signalled, "nothing alive to signal");
    }

    @Test
    void corruptStateIsRemovedOnlyWithForce() throws Exception {
        ContainerRecord r = record("broken", true, null, null);
        store.create(r);
        Files.writeString(store.containerDir(r.name()).resolve(StateStore.STATE_FILE), "{ not json");
        ControlException e = assertThrows(ControlException.class, () -> lifecycle.remove(r.name(), false));
        assertTrue(e.getMessage().endsWith("; remove it with: berth rm -f broken"), e.getMessage());
        lifecycle.remove(r.name(), true);
        assertFalse(Files.exists(store.containerDir(r.name())));
    }

    @Test
    void layerPathsThatAreNotNormalisedAreNeverDeleted() throws Exception {
        Path victim = Files.createDirectories(tmp.resolve("victim"));
        Files.writeString(victim.resolve("keep"), "x");
        Files.createDirectories(tmp.resolve("a"));
        ContainerRecord r = record("odd", true, tmp.resolve("a/../victim"), null).withPid(80, 5L).running(T0)
                .exited(0, T0);
        store.create(r);
        ControlException e = assertThrows(ControlException.class, () -> lifecycle.remove(r.name(), false));
        assertTrue(e.getMessage().startsWith("refusing to delete the overlay directory "), e.getMessage());
        assertTrue(Files.exists(victim.resolve("keep")));
    }

    @Test
    void unknownContainers() {
        assertThrows(ContainerNotFoundException.class, () -> lifecycle.get(ContainerName.of("nobody")));
        assertThrows(ContainerNotFoundException.class, () -> lifecycle.stop(ContainerName.of("nobody"),
                java.time.Duration.ZERO));
    }

    @Test
    void logsOfADetachedContainerAreCopied() throws Exception {
        ContainerRecord r = record("talker", true, null, null).withPid(81, 5L).running(T0).exited(0, T0);
        store.create(r);
        Files.writeString(r.logPath(), "one\ntwo\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new LogReader(lifecycle).copy(r.name(), out, false);
        assertEquals("one\ntwo\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void followedLogsEndWhenTheContainerExitsWithNothingLost() throws Exception {
        alive(82, 5);
        ContainerRecord r = record("follow", true, null, null).withPid(82, 5L).running(T0);
        store.create(r);
        Files.writeString(r.logPath(), "start\n");
        Thread writer = new Thread(() -> {
            try {
                for (int i = 0; i < 5; i++) {
                    Thread.sleep(30);
                    Files.writeString(r.logPath(), "line " + i + "\n", java.nio.file.StandardOpenOption.APPEND);
                }
                Files.delete(tree.procfs().resolve("82/stat")); // the process exits right after its last line
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        writer.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new LogReader(lifecycle).copy(r.name(), out, true);
        writer.join();
        assertEquals("start\nline 0\nline 1\nline 2\nline 3\nline 4\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aForegroundContainerHasNoLog() throws Exception {
        ContainerRecord r = record("fg", false, null, null).withPid(83, 5L).running(T0).exited(0, T0);
        store.create(r);
        ControlException e = assertThrows(ControlException.class,
                () -> new LogReader(lifecycle).copy(r.name(), new ByteArrayOutputStream(), false));
        assertTrue(e.getMessage().startsWith("container fg has no log: it was started in the foreground"),
                e.getMessage());
    }
}
