package dev.berth.tui.sample;

import dev.berth.tui.view.Snapshot;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A {@link SnapshotSource} built off the UI thread, so that the console can open and draw its first frame while
 * the collectors probe the host: at the first sample on the sampler thread, or, made with {@link #buildingNow},
 * at once on a thread of its own (the sampler then takes it when it first asks: the build runs while the terminal
 * is set up). A build that fails is tried again at the next sample. Apart from that hand-over, sampler-thread
 * confined: the {@link Sampler} closes its source on its own thread.
 */
public final class LazySource implements SnapshotSource {
    private final Callable<SnapshotSource> factory;
    private CompletableFuture<SnapshotSource> building;
    private SnapshotSource source;

    /** Builds the real source with {@code factory} when first asked for a sample. */
    public LazySource(Callable<SnapshotSource> factory) {
        this.factory = factory;
    }

    /** Starts building the real source with {@code factory} now, on a daemon thread. */
    public static LazySource buildingNow(Callable<SnapshotSource> factory) {
        LazySource s = new LazySource(factory);
        s.building = CompletableFuture.supplyAsync(() -> {
            try {
                return factory.call();
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, r -> {
            Thread t = new Thread(r, "berth-source-init");
            t.setDaemon(true);
            t.start();
        });
        return s;
    }

    @Override
    public Snapshot sample(SampleRequest request) throws Exception {
        if (source == null) {
            source = building == null ? factory.call() : takeBuilt();
        }
        return source.sample(request);
    }

    private SnapshotSource takeBuilt() throws Exception {
        CompletableFuture<SnapshotSource> b = building;
        building = null;   // taken, or failed: the next sample builds afresh
        try {
            return b.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw (Error) cause;
        }
    }

    @Override
    public void close() {
        if (source != null) {
            source.close();
        } else if (building != null) {
            // never sampled: close what the build makes, whenever it ends
            building.thenAccept(SnapshotSource::close);
        }
    }
}
