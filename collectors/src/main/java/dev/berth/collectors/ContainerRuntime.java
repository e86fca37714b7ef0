package dev.berth.collectors;

/**
 * What created a container's cgroup, as recognised from the cgroup path (see {@code CgroupClassifier}).
 * {@link #label()} is the lower-case word shown in tables and in the {@code ps --json} contract.
 */
public enum ContainerRuntime {
    /** Docker, cgroupfs driver ({@code /docker/<id>}) or systemd driver ({@code docker-<id>.scope}). */
    DOCKER("docker"),
    /** A Kubernetes pod's container (containerd, CRI-O or dockershim) below a {@code kubepods} cgroup. */
    KUBERNETES("kubernetes"),
    /** Podman ({@code libpod-<id>}, with or without {@code .scope}). */
    PODMAN("podman"),
    /** LXC ({@code lxc.payload.<name>} since LXC 4, {@code lxc/<name>} before). */
    LXC("lxc"),
    /** A systemd-machined machine, e.g. systemd-nspawn ({@code machine-<name>.scope}). */
    NSPAWN("nspawn"),
    /** berth's own runtime ({@code /berth/<name>}). */
    BERTH("berth"),
    /** A systemd unit that is not a container: a service, slice or scope. */
    SYSTEMD("systemd"),
    /** Any other cgroup, shown by its path. */
    CGROUP("cgroup");

    private final String label;

    ContainerRuntime(String label) {
        this.label = label;
    }

    /** The lower-case name used in output and JSON. */
    public String label() {
        return label;
    }

    /** True for container runtimes, false for {@link #SYSTEMD} and {@link #CGROUP}. */
    public boolean isContainer() {
        return this != SYSTEMD && this != CGROUP;
    }
}
