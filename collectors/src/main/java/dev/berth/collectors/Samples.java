package dev.berth.collectors;

import java.time.Instant;
import java.util.List;

/**
 * The raw samples one {@link Collector#tick} derived its models from: what a recorder stores, so that history
 * derives rates with the same {@link ContainerModel#derive} and {@link HostModel#derive} as the live view.
 * Immutable.
 *
 * @param at         when the tick started
 * @param host       the host sample
 * @param containers one sample per container that was fully sampled, sorted by cgroup path
 */
public record Samples(Instant at, HostSample host, List<ContainerSample> containers) {

    public Samples {
        containers = List.copyOf(containers);
    }
}
