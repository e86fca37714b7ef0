package dev.berth.cgroupctl;

/**
 * A {@link Cgroup} that keeps the files it reads open between reads and remembers which hierarchies and files it
 * has, until {@link #close()}: the per-tick path of a sampler, which re-opens it when the cgroup's membership
 * changes. Made by {@link CgroupFs#openCgroup(String)}. Not thread-safe, unlike {@link Cgroup}: one sampling thread.
 */
public interface OpenCgroup extends Cgroup, AutoCloseable {
    /**
     * The {@code pids.current} that the last {@link #readMemberPids()} read to tell whether the member list had
     * changed (v1 and hybrid hosts, in the pids hierarchy), so that a sampler of the same cgroup in the same tick
     * need not read the file again; empty when that call read none (v2, no pids controller, the root) or failed.
     *
     * @return the task count, or empty
     */
    default java.util.OptionalLong pidsCurrentOfLastMembersRead() {
        return java.util.OptionalLong.empty();
    }

    /** Closes the files held. The object stays usable; a later read opens its files again. */
    @Override
    void close();
}
