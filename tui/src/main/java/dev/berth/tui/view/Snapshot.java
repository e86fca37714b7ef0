package dev.berth.tui.view;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything one frame of the console shows, at one instant. Immutable: the sampler thread builds
 * it and hands it to the UI thread.
 *
 * @param at when the sample was taken
 * @param host host meters
 * @param containers every container, in discovery order
 * @param detail detail of the container the detail view is open on, if any
 */
public record Snapshot(Instant at, HostView host, List<ContainerRow> containers, Optional<ContainerDetail> detail) {
    /** Copies the lists. */
    public Snapshot {
        containers = List.copyOf(containers);
    }
}
