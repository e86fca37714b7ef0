package dev.berth.collectors;

import java.util.Set;

/**
 * What one {@link Collector#tick} reads beyond the container list.
 *
 * @param allCgroups    list every cgroup, not only containers with processes (systemd units, plain cgroups,
 *                      exited containers), like {@code berth ps --all}
 * @param hostProcesses read every host process (for a top-processes panel); costs one read per process
 * @param processesOf   cgroup paths of the containers whose processes to read (the detail view)
 */
public record TickOptions(boolean allCgroups, boolean hostProcesses, Set<String> processesOf) {

    /** Containers only, no processes: the cheapest tick, as {@code berth ps} and {@code berth stat} use. */
    public static final TickOptions CONTAINERS = new TickOptions(false, false, Set.of());

    public TickOptions {
        processesOf = Set.copyOf(processesOf);
    }
}
