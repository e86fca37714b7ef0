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
 * @param warnings what could not be read in this sample (a permission or parse problem), one line each: the
 *     status line counts them and a key lists them
 */
public record Snapshot(Instant at, HostView host, List<ContainerRow> containers, Optional<ContainerDetail> detail,
        List<String> warnings) {
    /** Copies the lists. */
    public Snapshot {
        containers = List.copyOf(containers);
        warnings = List.copyOf(warnings);
    }

    /** A snapshot without warnings. */
    public Snapshot(Instant at, HostView host, List<ContainerRow> containers, Optional<ContainerDetail> detail) {
        this(at, host, containers, detail, List.of());
    }
}
