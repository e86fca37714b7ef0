package dev.berth.tui.sample;

import dev.berth.tui.view.Snapshot;
import java.util.Optional;

/**
 * Takes one {@link Snapshot} of the host and its containers. The production source adapts the
 * collectors' samplers; tests use fakes. Called from the sampler thread only, one call at a time;
 * implementations keep the previous sample to derive rates.
 */
public interface SnapshotSource extends AutoCloseable {
    /**
     * Samples now.
     *
     * @param focus the container whose {@link dev.berth.tui.view.ContainerDetail} to include, if any
     * @throws Exception when sampling failed as a whole (one unreadable container is not a failure)
     */
    Snapshot sample(Optional<String> focus) throws Exception;

    /** Releases what the source holds; the default does nothing. */
    @Override
    default void close() {
    }
}
