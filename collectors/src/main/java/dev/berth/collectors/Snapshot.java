package dev.berth.collectors;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of one {@link Collector#tick}: host and container models, immutable and safe to hand to another
 * thread (the console's UI thread).
 *
 * @param at         when the tick started
 * @param elapsed    time since the previous tick; empty on the first (all rates are empty then)
 * @param host       host figures
 * @param containers one model per container that exists and was fully sampled, sorted by cgroup path
 * @param processes  per-container processes for the containers named in {@link TickOptions#processesOf()},
 *                   keyed by cgroup path
 * @param warnings   read problems of this tick, one line each (unavailable values are empty, this says why)
 */
public record Snapshot(Instant at, Optional<Duration> elapsed, HostModel host, List<ContainerModel> containers,
        Map<String, List<ProcessModel>> processes, List<String> warnings) {

    public Snapshot {
        containers = List.copyOf(containers);
        processes = Map.copyOf(processes);
        warnings = List.copyOf(warnings);
    }
}
