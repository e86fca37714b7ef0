package dev.berth.collectors;

import java.util.Set;

/**
 * What one {@link Collector#tick} reads beyond the container list.
 *
 * @param allCgroups    list every cgroup, not only containers with processes (systemd units, plain cgroups,
 *                      exited containers), like {@code berth ps --all}
 * @param hostProcesses read every host process (for a top-processes panel); costs one read per process
 * @param processesOf   cgroup paths of the containers whose processes to read (the detail view)
 * @param containers    discover and sample containers at all; false for host figures only ({@code berth stat}
 *                      without {@code -c}), which then reads no cgroup file
 * @param host          read the host's own files ({@code stat}, {@code meminfo}, {@code loadavg}, {@code diskstats},
 *                      {@code net/dev}); false for a container list alone ({@code berth ps}, which prints no host
 *                      figure), whose snapshot's host figures are then all unavailable
 */
public record TickOptions(boolean allCgroups, boolean hostProcesses, Set<String> processesOf, boolean containers,
        boolean host) {

    /** Containers only, no processes: what {@code berth ps} uses. */
    public static final TickOptions CONTAINERS = new TickOptions(false, false, Set.of());

    /** The host alone: no cgroup is read, no process either. */
    public static final TickOptions HOST_ONLY = new TickOptions(false, false, Set.of(), false);

    /** Containers alone, every cgroup with {@code allCgroups}: no host file is read ({@code berth ps}). */
    public static TickOptions containersOnly(boolean allCgroups) {
        return new TickOptions(allCgroups, false, Set.of(), true, false);
    }

    public TickOptions {
        processesOf = Set.copyOf(processesOf);
    }

    /** Options that discover and sample containers, and read the host. */
    public TickOptions(boolean allCgroups, boolean hostProcesses, Set<String> processesOf) {
        this(allCgroups, hostProcesses, processesOf, true, true);
    }

    /** Options that read the host, and containers when {@code containers}. */
    public TickOptions(boolean allCgroups, boolean hostProcesses, Set<String> processesOf, boolean containers) {
        this(allCgroups, hostProcesses, processesOf, containers, true);
    }
}
