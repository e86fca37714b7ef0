package dev.berth.tui.sample;

import dev.berth.tui.view.Snapshot;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The sampler thread: every {@code interval} asks the {@link SnapshotSource} for a snapshot and
 * hands the immutable result to {@code sink} (which enqueues it for the UI thread). Sampling never
 * runs on the UI thread, so a slow cgroup read cannot freeze the keys. {@link #sampleNow()} wakes
 * it early (after an action, or when the detail view opens). Thread-safe.
 */
public final class Sampler implements AutoCloseable {
    private final SnapshotSource source;
    private final Duration interval;
    private final Supplier<SampleRequest> request;
    private final Consumer<Snapshot> sink;
    private final Consumer<Exception> errors;
    /** The shortest time between two samples, also when {@link #sampleNow()} asks for one early. */
    static final Duration MIN_GAP = Duration.ofMillis(200);
    private final Thread thread;
    private final Object lock = new Object();
    private boolean wake;
    private volatile boolean running = true;
    /** Whether {@link #start()} ran: then the sampler thread closes the source when its loop ends. */
    private final java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
    /** How long {@link #close()} waits for a sample in progress. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    /**
     * A sampler; call {@link #start()} to begin.
     *
     * @param request what to include, read before each sample
     * @param sink receives each snapshot (on the sampler thread)
     * @param errors receives failures (on the sampler thread); sampling continues
     */
    public Sampler(SnapshotSource source, Duration interval, Supplier<SampleRequest> request,
            Consumer<Snapshot> sink, Consumer<Exception> errors) {
        this.source = source;
        this.interval = interval;
        this.request = request;
        this.sink = sink;
        this.errors = errors;
        this.thread = new Thread(this::loop, "berth-sampler");
        thread.setDaemon(true);
    }

    /** Starts the thread; the first sample is taken at once. */
    public void start() {
        if (started.compareAndSet(false, true)) {
            thread.start();
        }
    }

    /** Takes the next sample now instead of at the end of the interval. */
    public void sampleNow() {
        synchronized (lock) {
            wake = true;
            lock.notifyAll();
        }
    }

    private void loop() {
        try {
            sampleUntilClosed();
        } finally {
            // here, not in close(): a sample in progress when close() gave up waiting still holds the source's
            // files (and a lazy source may still be building); closed under it, they were reopened and leaked
            source.close();
        }
    }

    private void sampleUntilClosed() {
        long next = System.nanoTime();
        long lastStart;
        while (running) {
            lastStart = System.nanoTime();
            try {
                sink.accept(source.sample(request.get()));
            } catch (Exception e) {
                errors.accept(e);
            }
            next += interval.toNanos();
            long now = System.nanoTime();
            if (next < now) {
                next = now; // fell behind (suspended, slow read): do not burst to catch up
            }
            synchronized (lock) {
                while (running && !wake && (next - System.nanoTime()) > 0) {
                    long waitNs = next - System.nanoTime();
                    try {
                        lock.wait(Math.max(1, waitNs / 1_000_000), 0);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (wake) {
                    // An early sample (after an action) still waits MIN_GAP after the last one: rates over
                    // a few milliseconds are mostly rounding noise (a busy container would read 0 or 300 %).
                    wake = false;
                    next = Math.min(next, Math.max(System.nanoTime(), lastStart + MIN_GAP.toNanos()));
                    while (running && next - System.nanoTime() > 0) {
                        try {
                            lock.wait(Math.max(1, (next - System.nanoTime()) / 1_000_000));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }
            }
        }
    }

    /**
     * Stops the thread, waiting up to 2 s for a sample in progress, and closes the source: at once when the sampler
     * never started, else on the sampler thread when its last sample ends (also after this method has returned,
     * for a sample slower than the wait). No sample starts after this.
     */
    @Override
    public void close() {
        running = false;
        if (started.compareAndSet(false, true)) {
            source.close(); // never started: no thread owns the source
            return;
        }
        sampleNow();
        try {
            thread.join(CLOSE_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
