package dev.berth.runtime.state;

import dev.berth.cgroupctl.testing.Mutations;
import dev.berth.runtime.ContainerId;
import dev.berth.runtime.ContainerName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Fuzzes the {@code state.json} reader with inputs seeded from records that berth itself wrote
 * (created, running, exited, with overlay layers and limits): only a {@link ContainerRecord} or
 * {@link CorruptStateException} may come out, whatever the bytes (a hand edit, a half-written file
 * of an older berth, an attacker's). Inputs per run: {@code jqwik.tries.default}.
 */
class StateFileFuzzTest {
    private static final AtomicLong CALLS = new AtomicLong();
    private static final ContainerName NAME = ContainerName.of("fuzz");

    @Provide
    Arbitrary<String> stateFiles() throws Exception {
        Path dir = Files.createTempDirectory("berth-state-fuzz-");
        StateStore store = new StateStore(dir);
        SpecSummary spec = new SpecSummary(List.of("sh", "-c", "echo hi"), "/srv/rootfs.tar", true, "web", "veth",
                "10.0.0.2/24", "1000:1000", "/app", List.of("A=1", "B="), List.of("/srv/data:/data:ro"), true, true,
                Map.of("cpus", "0.5", "memory", "512M"));
        Instant t0 = Instant.parse("2026-11-22T03:00:00.123456Z");
        ContainerRecord created = ContainerRecord.created(NAME, ContainerId.random(), spec, "/berth/fuzz", t0,
                dir.resolve("fuzz/rootfs"), dir.resolve("fuzz/upper"), dir.resolve("fuzz/work"), store.logPath(NAME));
        List<String> seeds = new ArrayList<>();
        for (ContainerRecord r : List.of(created, created.withPid(4242, 99L).running(t0.plusSeconds(1)),
                created.withPid(4242, 99L).running(t0).exited(137, t0.plusSeconds(9)))) {
            store.delete(NAME);
            store.create(r);
            seeds.add(Files.readString(store.containerDir(NAME).resolve(StateStore.STATE_FILE)));
        }
        store.delete(NAME);
        Files.delete(dir);
        seeds.add("{}");
        seeds.add("null");
        return Mutations.of(seeds);
    }

    @Property
    void theReaderGivesARecordOrCorruptState(@ForAll("stateFiles") String content) throws IOException {
        CALLS.incrementAndGet();
        StateStore store = new StateStore(Path.of("/nonexistent-berth-state"));
        try {
            store.parse(NAME, Path.of("/nonexistent-berth-state/fuzz/state.json"), content.getBytes(StandardCharsets.UTF_8));
        } catch (CorruptStateException expected) {
            // the typed error: fine
        } catch (RuntimeException e) {
            throw new AssertionError("threw " + e + " on " + content, e);
        }
    }

    @AfterContainer
    static void report() {
        System.out.println("state file fuzz: " + CALLS.get() + " inputs");
    }
}
