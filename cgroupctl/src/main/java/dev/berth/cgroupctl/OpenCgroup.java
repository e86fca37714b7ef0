package dev.berth.cgroupctl;

/**
 * A {@link Cgroup} that keeps the files it reads open between reads and remembers which hierarchies and files it
 * has, until {@link #close()}: the per-tick path of a sampler, which re-opens it when the cgroup's membership
 * changes. Made by {@link CgroupFs#openCgroup(String)}. Not thread-safe, unlike {@link Cgroup}: one sampling thread.
 */
public interface OpenCgroup extends Cgroup, AutoCloseable {
    /** Closes the files held. The object stays usable; a later read opens its files again. */
    @Override
    void close();
}
