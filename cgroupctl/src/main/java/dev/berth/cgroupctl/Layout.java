package dev.berth.cgroupctl;

/** How a host mounts its cgroup hierarchies, as found by {@link CgroupFsProber}. */
public enum Layout {
    /** Only cgroup v1 controller hierarchies (older distributions, e.g. CentOS 7, Ubuntu 18.04). */
    V1,
    /** One cgroup2 hierarchy holding every controller (current distributions). */
    V2,
    /** v1 controller hierarchies plus a cgroup2 hierarchy, usually at {@code /sys/fs/cgroup/unified}, with core files. */
    HYBRID,
    /** No usable cgroup filesystem; {@link CgroupFsProbe#unusableReason()} says why. */
    NONE
}
