package dev.berth.cgroupctl;

import java.util.List;
import java.util.Optional;

/**
 * The parsed {@code /proc/<pid>/cgroup} of one process: one entry per hierarchy.
 *
 * @param pid     the process
 * @param entries the lines, in file order
 */
public record ProcCgroup(long pid, List<Entry> entries) {

    /**
     * One line, {@code hierarchy-ID:controller-list:cgroup-path}.
     *
     * @param hierarchyId 0 for the cgroup2 hierarchy
     * @param controllers e.g. {@code [cpu, cpuacct]} or {@code [name=systemd]}; empty for cgroup2
     * @param path        the cgroup path relative to the hierarchy root, e.g. {@code /docker/abc}
     */
    public record Entry(int hierarchyId, List<String> controllers, String path) {
        /** Copies the list. */
        public Entry {
            controllers = List.copyOf(controllers);
        }
    }

    /** Copies the list. */
    public ProcCgroup {
        entries = List.copyOf(entries);
    }

    /**
     * The one path that names "the" cgroup of the process: the {@code memory} controller's path when the process has
     * v1 hierarchies (container runtimes put every controller at the same path; {@code memory} is always there),
     * else the cgroup2 ({@code 0::}) path, else the first entry's.
     *
     * @return the path, e.g. {@code /docker/abc} or {@code /system.slice/nginx.service}
     */
    public String primaryPath() {
        return controllerPath("memory")
                .or(() -> entries.stream().filter(e -> e.hierarchyId() == 0).map(Entry::path).findFirst())
                .orElse(entries.isEmpty() ? "/" : entries.get(0).path());
    }

    /**
     * @param controller e.g. {@code cpu} or {@code name=systemd}
     * @return the path in the hierarchy holding that controller
     */
    public Optional<String> controllerPath(String controller) {
        return entries.stream().filter(e -> e.controllers().contains(controller)).map(Entry::path).findFirst();
    }

    /** @return the cgroup2 path, if the process is in a cgroup2 hierarchy */
    public Optional<String> unifiedPath() {
        return entries.stream().filter(e -> e.hierarchyId() == 0).map(Entry::path).findFirst();
    }
}
