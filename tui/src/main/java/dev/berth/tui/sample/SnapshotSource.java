package dev.berth.tui.sample;

import dev.berth.tui.view.Snapshot;

/**
 * Takes one {@link Snapshot} of the host and its containers. The production source adapts the
 * collectors' samplers; tests use fakes. Called from the sampler thread only, one call at a time;
 * implementations keep the previous sample to derive rates.
 */
public interface SnapshotSource extends AutoCloseable {
    /**
     * Samples now.
     *
     * @param request what to include: the focused container's {@link dev.berth.tui.view.ContainerDetail},
     *     every cgroup, host processes
     * @throws Exception when sampling failed as a whole (one unreadable container is not a failure)
     */
    Snapshot sample(SampleRequest request) throws Exception;

    /** Releases what the source holds; the default does nothing. */
    @Override
    default void close() {
    }
}
