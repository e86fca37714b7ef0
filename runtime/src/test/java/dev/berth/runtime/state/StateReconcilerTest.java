package dev.berth.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.berth.runtime.ContainerName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateReconcilerTest {
    static final Instant T0 = StateStoreTest.T0;

    @TempDir
    Path state;
    @TempDir
    Path proc;

    void fakeProcess(long pid, char st, long start) throws Exception {
        Files.createDirectories(proc.resolve(Long.toString(pid)));
        Files.writeString(proc.resolve(pid + "/stat"),
                pid + " (sh) " + st + " 1 1 1 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 " + start + " 0 0\n");
    }

    @Test
    void deadReusedAndZombiePidsBecomeExitedLiveOnesStay() throws Exception {
        StateStore store = new StateStore(state);
        fakeProcess(100, 'S', 5000);
        fakeProcess(200, 'S', 7777); // pid 200 reused: recorded start time was 6000
        fakeProcess(300, 'Z', 9000);
        Instant started = T0.plusSeconds(1);
        store.create(StateStoreTest.record(store, "alive").withPid(100, 5000L).running(started));
        store.create(StateStoreTest.record(store, "reused").withPid(200, 6000L).running(started));
        store.create(StateStoreTest.record(store, "zombie").withPid(300, 9000L).running(started));
        store.create(StateStoreTest.record(store, "vanished").withPid(400, 1L).running(started));
        store.create(StateStoreTest.record(store, "done").withPid(500, 1L).running(started)
                .exited(0, T0.plusSeconds(2)));

        Instant now = T0.plusSeconds(3600);
        List<ContainerRecord> changed = new StateReconciler(store, new ProcessProbe(proc), InstantSource.fixed(now))
                .reconcile();

        assertEquals(List.of("reused", "vanished", "zombie"), changed.stream().map(r -> r.name().value()).toList());
        for (ContainerRecord r : changed) {
            assertEquals(ContainerStatus.EXITED, r.status());
            assertEquals(now, r.finishedAt());
            assertNull(r.exitCode(), "nobody waited for it: the code is unknown, not 0");
            assertEquals(r, store.load(r.name()).orElseThrow());
        }
        assertEquals(ContainerStatus.RUNNING, store.load(ContainerName.of("alive")).orElseThrow().status());
        ContainerRecord done = store.load(ContainerName.of("done")).orElseThrow();
        assertEquals(0, done.exitCode());
        assertEquals(T0.plusSeconds(2), done.finishedAt());
    }

    @Test
    void exitStatusLeftByTheMonitorIsRecorded() throws Exception {
        StateStore store = new StateStore(state);
        store.create(StateStoreTest.record(store, "monitored").withPid(600, 1L).running(T0));
        store.create(StateStoreTest.record(store, "garbled").withPid(601, 1L).running(T0));
        Files.writeString(store.containerDir(ContainerName.of("monitored")).resolve(StateStore.EXIT_STATUS_FILE), "137\n");
        Files.writeString(store.containerDir(ContainerName.of("garbled")).resolve(StateStore.EXIT_STATUS_FILE), "x\n");
        new StateReconciler(store, new ProcessProbe(proc), InstantSource.fixed(T0.plusSeconds(5))).reconcile();
        assertEquals(137, store.load(ContainerName.of("monitored")).orElseThrow().exitCode());
        assertNull(store.load(ContainerName.of("garbled")).orElseThrow().exitCode());

        // a status the monitor writes after the container was already recorded exited is picked up later
        Files.writeString(store.containerDir(ContainerName.of("garbled")).resolve(StateStore.EXIT_STATUS_FILE), "3\n");
        new StateReconciler(store, new ProcessProbe(proc), InstantSource.fixed(T0.plusSeconds(9))).reconcile();
        ContainerRecord late = store.load(ContainerName.of("garbled")).orElseThrow();
        assertEquals(3, late.exitCode());
        assertEquals(T0.plusSeconds(5), late.finishedAt(), "the time it was first seen exited stays");
    }

    @Test
    void pidlessCreatedContainerIsStartingUntilTheGraceRunsOut() throws Exception {
        StateStore store = new StateStore(state);
        store.create(StateStoreTest.record(store, "starting"));
        ProcessProbe probe = new ProcessProbe(proc);
        Instant soon = T0.plus(StateReconciler.STARTING_GRACE).minusSeconds(1);
        assertEquals(List.of(), new StateReconciler(store, probe, InstantSource.fixed(soon)).reconcile());
        Instant late = T0.plus(StateReconciler.STARTING_GRACE).plusSeconds(1);
        List<ContainerRecord> changed = new StateReconciler(store, probe, InstantSource.fixed(late)).reconcile();
        assertEquals(1, changed.size());
        assertEquals(ContainerStatus.EXITED, changed.get(0).status());
    }

    @Test
    void reallyDeadProcessIsDetectedOnTheLiveProcfs() throws Exception {
        Process p = new ProcessBuilder("true").start();
        long pid = p.pid();
        ProcessProbe probe = new ProcessProbe(Path.of("/proc"));
        Long start = probe.startTime(pid).orElse(null);
        p.waitFor();
        StateStore store = new StateStore(state);
        store.create(StateStoreTest.record(store, "short").withPid(pid, start).running(T0));
        List<ContainerRecord> changed = new StateReconciler(store, probe, InstantSource.fixed(T0.plusSeconds(9)))
                .reconcile();
        assertEquals(1, changed.size());
    }
}
