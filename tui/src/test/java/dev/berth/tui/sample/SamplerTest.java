package dev.berth.tui.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.tui.view.HostView;
import dev.berth.tui.view.Snapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The sampler thread: first sample at once, early samples on request but never closer than MIN_GAP. */
class SamplerTest {
    private static Snapshot empty() {
        HostView h = new HostView("h", Optional.of(Duration.ZERO), 0, 0, 0, OptionalDouble.empty(), List.of(), 0, 0, 0, 0,
                0, 0, 0,
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                List.of(), List.of(), List.of(), OptionalDouble.empty(), 0);
        return new Snapshot(Instant.EPOCH, h, List.of(), Optional.empty());
    }

    @Test
    void earlySamplesKeepAMinimumGapAndCarryTheRequest() throws Exception {
        List<Long> starts = new CopyOnWriteArrayList<>();
        List<SampleRequest> requests = new CopyOnWriteArrayList<>();
        AtomicReference<SampleRequest> req = new AtomicReference<>(SampleRequest.DEFAULT);
        SnapshotSource src = r -> {
            starts.add(System.nanoTime());
            requests.add(r);
            return empty();
        };
        try (Sampler s = new Sampler(src, Duration.ofSeconds(30), req::get, snap -> { }, e -> { })) {
            s.start();
            while (starts.isEmpty()) {
                Thread.sleep(5);
            }
            req.set(new SampleRequest(Optional.of("/x"), true, false));
            for (int i = 0; i < 5; i++) {
                s.sampleNow();
                Thread.sleep(20);
            }
            Thread.sleep(700);
        }
        assertTrue(starts.size() >= 2, "an early sample was taken: " + starts.size());
        assertTrue(starts.size() <= 4, "requests coalesce: " + starts.size());
        for (int i = 1; i < starts.size(); i++) {
            long gapMs = (starts.get(i) - starts.get(i - 1)) / 1_000_000;
            assertTrue(gapMs >= Sampler.MIN_GAP.toMillis() - 5, "gap " + gapMs + " ms");
        }
        assertEquals(new SampleRequest(Optional.of("/x"), true, false), requests.get(requests.size() - 1));
    }

    /**
     * A sample slower than close()'s wait: the source was closed under it from the UI thread, and its files (reopened
     * on the next read) leaked. Now the sampler thread closes it once that sample ends, and takes no other.
     */
    @Test
    void aSampleSlowerThanCloseIsNotClosedUnderAndTheSourceIsClosedOnceAfterIt() throws Exception {
        CountDownLatch inSample = new CountDownLatch(1);
        CountDownLatch finishSample = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        AtomicInteger samples = new AtomicInteger();
        AtomicInteger closes = new AtomicInteger();
        AtomicInteger closesDuringSample = new AtomicInteger();
        SnapshotSource src = new SnapshotSource() {
            private volatile boolean sampling;

            @Override
            public Snapshot sample(SampleRequest r) throws Exception {
                samples.incrementAndGet();
                sampling = true;
                inSample.countDown();
                finishSample.await();
                sampling = false;
                return empty();
            }

            @Override
            public void close() {
                if (sampling) {
                    closesDuringSample.incrementAndGet();
                }
                closes.incrementAndGet();
                closed.countDown();
            }
        };
        Sampler s = new Sampler(src, Duration.ofMillis(10), () -> SampleRequest.DEFAULT, snap -> { }, e -> { });
        s.start();
        try {
            assertTrue(inSample.await(20, TimeUnit.SECONDS), "the first sample started");
            s.close(); // gives up waiting after its 2 s: the sample is still in progress
            assertEquals(0, closes.get(), "the source closed while its sample was in progress");
        } finally {
            finishSample.countDown(); // never leave the sampler thread parked, also when an assertion fails
        }
        assertTrue(closed.await(20, TimeUnit.SECONDS), "the sampler thread closed the source");
        assertEquals(0, closesDuringSample.get());
        assertEquals(1, samples.get(), "no sample after close");
        s.close();
        assertEquals(1, closes.get(), "closed once");
    }

    @Test
    void aSamplerNeverStartedClosesItsSource() {
        AtomicInteger closes = new AtomicInteger();
        SnapshotSource src = new SnapshotSource() {
            @Override
            public Snapshot sample(SampleRequest r) {
                throw new AssertionError("not started");
            }

            @Override
            public void close() {
                closes.incrementAndGet();
            }
        };
        new Sampler(src, Duration.ofSeconds(1), () -> SampleRequest.DEFAULT, snap -> { }, e -> { }).close();
        assertEquals(1, closes.get());
    }
}
