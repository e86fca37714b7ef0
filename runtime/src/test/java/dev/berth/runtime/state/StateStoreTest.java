package dev.berth.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.runtime.ContainerId;
import dev.berth.runtime.ContainerName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {
    static final Instant T0 = Instant.parse("2026-11-22T03:00:00.123456Z");

    @TempDir
    Path tmp;

    static ContainerRecord record(StateStore store, String name) {
        ContainerName n = ContainerName.of(name);
        SpecSummary spec = new SpecSummary(List.of("/bin/sh", "-c", "sleep 1"), "/srv/rootfs", true, "h", "none",
                null, "1000:1000", "/", List.of("A=1"), List.of(), false, true, Map.of("cpus", "0.5", "memory", "64M"));
        return ContainerRecord.created(n, ContainerId.random(), spec, "/berth/" + name, T0, Path.of("/srv/rootfs"),
                Path.of("/var/lib/berth/" + name + "/upper"), null, store.logPath(n));
    }

    @Test
    void createThenLoadGivesTheSameRecord() throws Exception {
        StateStore store = new StateStore(tmp.resolve("state"));
        ContainerRecord r = record(store, "web").withPid(4242, 99L).running(T0.plusSeconds(1));
        store.create(r);
        assertEquals(Optional.of(r), store.load(ContainerName.of("web")));
        assertEquals(Optional.empty(), store.load(ContainerName.of("other")));
        Path file = tmp.resolve("state/web/state.json");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String json = Files.readString(file);
        // human-greppable: plain paths, ISO times, lower-case status
        assertTrue(json.contains("\"rootfs\" : \"/srv/rootfs\""), json);
        assertTrue(json.contains("\"status\" : \"running\""), json);
        assertTrue(json.contains("\"createdAt\" : \"2026-11-22T03:00:00.123456Z\""), json);
        assertTrue(json.contains("\"name\" : \"web\""), json);
        assertEquals(store.dir().resolve("web/output.log"), r.logPath());
    }

    @Test
    void secondCreateWithTheSameNameFailsAndKeepsTheFirst() throws Exception {
        StateStore store = new StateStore(tmp);
        ContainerRecord first = record(store, "db");
        store.create(first);
        NameInUseException e = assertThrows(NameInUseException.class, () -> store.create(record(store, "db")));
        assertEquals("container name db is already in use (remove it with: berth rm db)", e.getMessage());
        assertEquals(Optional.of(first), store.load(ContainerName.of("db")));
        assertNoTemporaries(tmp);
    }

    @Test
    void concurrentCreatesOfOneNameGiveExactlyOneWinner() throws Exception {
        StateStore store = new StateStore(tmp);
        int threads = 8;
        AtomicReference<Integer> wins = new AtomicReference<>(0);
        List<Thread> ts = new java.util.ArrayList<>();
        for (int i = 0; i < threads; i++) {
            ts.add(new Thread(() -> {
                try {
                    store.create(record(store, "race"));
                    wins.updateAndGet(w -> w + 1);
                } catch (NameInUseException expected) {
                    // lost the race
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            }));
        }
        ts.forEach(Thread::start);
        for (Thread t : ts) {
            t.join();
        }
        assertEquals(1, wins.get());
        assertNoTemporaries(tmp);
    }

    @Test
    void saveReplacesAtomicallyAndReadersNeverSeeAPartialFile() throws Exception {
        StateStore store = new StateStore(tmp);
        ContainerRecord r = record(store, "busy");
        store.create(r);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> readerFailure = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            while (!stop.get()) {
                try {
                    store.load(ContainerName.of("busy")).orElseThrow();
                } catch (Exception | AssertionError e) {
                    readerFailure.set(e);
                    return;
                }
            }
        });
        reader.start();
        for (int i = 0; i < 300; i++) {
            store.save(r.withPid(1000 + i, (long) i));
        }
        stop.set(true);
        reader.join();
        assertEquals(null, readerFailure.get());
        assertEquals(1299L, store.load(ContainerName.of("busy")).orElseThrow().pid());
        assertNoTemporaries(tmp.resolve("busy"));
    }

    @Test
    void leftoverTemporaryFromACrashedWriterDoesNotHideTheRecord() throws Exception {
        StateStore store = new StateStore(tmp);
        ContainerRecord r = record(store, "crash");
        store.create(r);
        Files.writeString(tmp.resolve("crash/.tmp-state.json-dead"), "{\"name\" : \"cra");
        Files.createDirectory(tmp.resolve(".tmp-0000"));
        assertEquals(Optional.of(r), store.load(ContainerName.of("crash")));
        assertEquals(List.of(r), store.list().records());
        assertEquals(1, store.removeStaleTemporaries(System.currentTimeMillis() + 120_000, 60_000, pid -> true));
        assertFalse(Files.exists(tmp.resolve(".tmp-0000")));
    }

    /** Issue 10 defect 3: a berth SIGKILLed inside create() or delete() leaves .tmp-<its pid>-...; removed at once. */
    @Test
    void temporariesOfADeadBerthAreRemovedAtOnceAndThoseOfALiveOneKept() throws Exception {
        StateStore store = new StateStore(tmp);
        Files.createDirectories(tmp.resolve(".tmp-999999999-0f8fad5b-d9cb-469f-a165-70867728950e"));
        Files.createDirectories(tmp.resolve(".tmp-999999999-rm-0f8fad5b-d9cb-469f-a165-70867728950e/upper"));
        Path mine = Files.createDirectories(tmp.resolve(".tmp-" + ProcessHandle.current().pid() + "-x"));
        long now = System.currentTimeMillis();
        long self = ProcessHandle.current().pid();
        assertEquals(2, store.removeStaleTemporaries(now, 60_000, pid -> pid == self));
        try (var s = Files.list(tmp)) {
            assertEquals(List.of(mine), s.toList());
        }
    }

    @Test
    void saveOfAnUnknownContainerFails() {
        StateStore store = new StateStore(tmp);
        assertThrows(IOException.class, () -> store.save(record(store, "ghost")));
    }

    @Test
    void updateChangesUnderTheLockAndReportsMissingContainers() throws Exception {
        StateStore store = new StateStore(tmp);
        store.create(record(store, "u"));
        ContainerRecord written = store.update(ContainerName.of("u"), c -> c.exited(137, T0.plusSeconds(5))).orElseThrow();
        assertEquals(ContainerStatus.EXITED, written.status());
        assertEquals(137, written.exitCode());
        assertEquals(Optional.of(written), store.load(ContainerName.of("u")));
        assertEquals(Optional.empty(), store.update(ContainerName.of("none"), c -> c));
        assertThrows(IllegalArgumentException.class, () -> store.update(ContainerName.of("u"),
                c -> record(store, "other")));
    }

    @Test
    void corruptStateIsReportedPerContainerAndCanStillBeDeleted() throws Exception {
        StateStore store = new StateStore(tmp);
        ContainerRecord good = record(store, "good");
        store.create(good);
        store.create(record(store, "garbage"));
        store.create(record(store, "empty"));
        store.create(record(store, "missing-fields"));
        store.create(record(store, "renamed"));
        store.create(record(store, "no-file"));
        Files.writeString(tmp.resolve("garbage/state.json"), "{\"name\" : \"garb");
        Files.writeString(tmp.resolve("empty/state.json"), "");
        Files.writeString(tmp.resolve("missing-fields/state.json"), "{\"name\" : \"missing-fields\"}");
        Files.writeString(tmp.resolve("renamed/state.json"),
                Files.readString(tmp.resolve("good/state.json")));
        Files.delete(tmp.resolve("no-file/state.json"));

        StateStore.Listing listing = store.list();
        assertEquals(List.of(good), listing.records());
        assertEquals(List.of("empty", "garbage", "missing-fields", "no-file", "renamed"),
                listing.corrupt().stream().map(e -> e.name().value()).toList());
        for (CorruptStateException e : listing.corrupt()) {
            assertTrue(e.getMessage().startsWith("state of container " + e.name() + " is unreadable ("), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
        CorruptStateException e = assertThrows(CorruptStateException.class,
                () -> store.load(ContainerName.of("renamed")));
        assertTrue(e.getMessage().endsWith("it names another container, good"), e.getMessage());

        assertTrue(store.delete(ContainerName.of("garbage")));
        assertFalse(store.delete(ContainerName.of("garbage")));
        assertFalse(Files.exists(tmp.resolve("garbage")));
        assertNoTemporaries(tmp);
    }

    @Test
    void deleteRemovesStateLogAndLock() throws Exception {
        StateStore store = new StateStore(tmp);
        ContainerRecord r = record(store, "gone");
        store.create(r);
        Files.writeString(store.logPath(r.name()), "hello\n");
        assertTrue(store.delete(r.name()));
        assertEquals(Optional.empty(), store.load(r.name()));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void listOfAMissingDirectoryIsEmpty() throws Exception {
        StateStore.Listing l = new StateStore(tmp.resolve("absent")).list();
        assertEquals(List.of(), l.records());
        assertEquals(List.of(), l.corrupt());
    }

    @Test
    void unknownFieldsFromANewerBerthAreIgnored() throws Exception {
        StateStore store = new StateStore(tmp);
        ContainerRecord r = record(store, "newer");
        store.create(r);
        Path file = tmp.resolve("newer/state.json");
        Files.writeString(file, Files.readString(file).replaceFirst("\\{", "{ \"futureField\" : [1, 2],"));
        assertEquals(Optional.of(r), store.load(r.name()));
    }

    static void assertNoTemporaries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith(".tmp-")).toList());
        }
    }

    /** Issue 10 defect 11: every command said only "Is a directory" and nothing could remove it. */
    @Test
    void aStateFileReplacedByADirectoryIsCorruptListedAndRemovable() throws Exception {
        StateStore store = new StateStore(tmp);
        ContainerRecord r = record(store, "dir");
        store.create(r);
        Path file = store.containerDir(r.name()).resolve(StateStore.STATE_FILE);
        Files.delete(file);
        Files.createDirectories(file.resolve("nested"));
        CorruptStateException e = assertThrows(CorruptStateException.class, () -> store.load(r.name()));
        assertEquals("state of container dir is unreadable (" + file + "): state file is a directory, not a "
                + "regular file", e.getMessage());
        assertEquals(List.of(r.name()), store.list().corrupt().stream().map(CorruptStateException::name).toList());
        assertTrue(store.delete(r.name()));
        assertFalse(Files.exists(store.containerDir(r.name())));
    }

    @Test
    void aStateFileThatIsASymlinkToAnotherContainersStateIsCorrupt() throws Exception {
        StateStore store = new StateStore(tmp);
        ContainerRecord a = record(store, "a");
        ContainerRecord b = record(store, "b");
        store.create(a);
        store.create(b);
        Path file = store.containerDir(b.name()).resolve(StateStore.STATE_FILE);
        Files.delete(file);
        Files.createSymbolicLink(file, store.containerDir(a.name()).resolve(StateStore.STATE_FILE));
        CorruptStateException e = assertThrows(CorruptStateException.class, () -> store.load(b.name()));
        assertTrue(e.getMessage().endsWith("state file is a symbolic link, not a regular file"), e.getMessage());
        assertTrue(store.delete(b.name()));
        assertEquals(a, store.load(a.name()).orElseThrow(), "the link's target is untouched");
    }
}
