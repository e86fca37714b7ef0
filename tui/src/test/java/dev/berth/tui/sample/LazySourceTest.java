package dev.berth.tui.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.tui.view.HostView;
import dev.berth.tui.view.Snapshot;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The console's source, built at the first sample or at once on a thread of its own. */
class LazySourceTest {
    private static final Snapshot SNAP = new Snapshot(Instant.EPOCH, new HostView("h", Optional.of(Duration.ZERO), 0, 0,
            0, OptionalDouble.empty(), List.of(), 0, 0, 0, 0, 0, 0, 0, OptionalDouble.empty(), OptionalDouble.empty(),
            OptionalDouble.empty(), OptionalDouble.empty(), List.of(), List.of(), List.of(), OptionalDouble.empty(), 0),
            List.of(), Optional.empty());

    @Test
    void buildingNowBuildsBeforeTheFirstSampleOffTheCallersThread() throws Exception {
        CountDownLatch built = new CountDownLatch(1);
        AtomicReference<String> builtOn = new AtomicReference<>();
        LazySource s = LazySource.buildingNow(() -> {
            builtOn.set(Thread.currentThread().getName());
            built.countDown();
            return r -> SNAP;
        });
        assertTrue(built.await(30, TimeUnit.SECONDS), "built without a sample");
        assertEquals("berth-source-init", builtOn.get());
        assertSame(SNAP, s.sample(SampleRequest.DEFAULT));
    }

    @Test
    void aFailedBuildIsTheFirstSamplesErrorAndIsTriedAgainAtTheNext() throws Exception {
        AtomicInteger builds = new AtomicInteger();
        LazySource s = LazySource.buildingNow(() -> {
            if (builds.incrementAndGet() == 1) {
                throw new IOException("no cgroup mounts");
            }
            return r -> SNAP;
        });
        IOException e = assertThrows(IOException.class, () -> s.sample(SampleRequest.DEFAULT));
        assertEquals("no cgroup mounts", e.getMessage());
        assertSame(SNAP, s.sample(SampleRequest.DEFAULT));
        assertEquals(2, builds.get());
        assertSame(SNAP, s.sample(SampleRequest.DEFAULT));
        assertEquals(2, builds.get());
    }

    @Test
    void closedBeforeAnySampleClosesWhatTheBuildMakes() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        LazySource s = LazySource.buildingNow(() -> {
            release.await();
            return new SnapshotSource() {
                @Override
                public Snapshot sample(SampleRequest request) {
                    return SNAP;
                }

                @Override
                public void close() {
                    closed.countDown();
                }
            };
        });
        s.close();                 // the build is still running
        release.countDown();
        assertTrue(closed.await(30, TimeUnit.SECONDS), "the source built after close() was closed");
    }

    @Test
    void withoutBuildingNowTheSourceIsBuiltAtTheFirstSampleOnItsThread() throws Exception {
        AtomicReference<Thread> builtOn = new AtomicReference<>();
        LazySource s = new LazySource(() -> {
            builtOn.set(Thread.currentThread());
            return r -> SNAP;
        });
        assertEquals(null, builtOn.get());
        assertSame(SNAP, s.sample(SampleRequest.DEFAULT));
        assertSame(Thread.currentThread(), builtOn.get());
    }
}
