package dev.berth.tui.sample;

import dev.berth.tui.view.Snapshot;
import java.util.concurrent.Callable;

/**
 * A {@link SnapshotSource} built on the sampler thread at the first sample, so that the console can
 * open and draw its first frame while the collectors probe the host. Sampler-thread confined: the
 * {@link Sampler} closes its source on its own thread.
 */
public final class LazySource implements SnapshotSource {
    private final Callable<SnapshotSource> factory;
    private SnapshotSource source;

    /** Builds the real source with {@code factory} when first asked for a sample. */
    public LazySource(Callable<SnapshotSource> factory) {
        this.factory = factory;
    }

    @Override
    public Snapshot sample(SampleRequest request) throws Exception {
        if (source == null) {
            source = factory.call();
        }
        return source.sample(request);
    }

    @Override
    public void close() {
        if (source != null) {
            source.close();
        }
    }
}
