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

    /**
     * As {@link #readMemberPids()}, for a caller that also read the cgroup's CPU time ({@code cpuUsageUsec}, from
     * its last sample; empty when it has none) at {@code now}. v1 keeps an open cgroup's member list while
     * {@code pids.current} stays the same, and reads it again after an age that the CPU time decides: a cgroup whose
     * tasks did not run cannot have lost one by exit (an exiting task runs in its cgroup), so its list is kept
     * longer. Elsewhere the same as {@link #readMemberPids()}.
     *
     * @param cpuUsageUsec the cgroup's CPU time as the caller last read it, or empty
     * @param now          the caller's clock now, for the list's age
     * @return the member pids
     * @throws CgroupException as {@link #readMemberPids()}
     */
    default java.util.List<Long> readMemberPids(java.util.OptionalLong cpuUsageUsec, java.time.Instant now)
            throws CgroupException {
        return readMemberPids();
    }

    /** Closes the files held. The object stays usable; a later read opens its files again. */
    @Override
    void close();
}
