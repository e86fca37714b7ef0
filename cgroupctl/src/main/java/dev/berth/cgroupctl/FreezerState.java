package dev.berth.cgroupctl;

/**
 * Freezer state of a cgroup. v1 {@code freezer.state} reports all three; v2 reports {@link #FREEZING} while
 * {@code cgroup.freeze} is 1 but {@code cgroup.events} does not yet say {@code frozen 1}.
 */
public enum FreezerState {
    /** Running normally. */
    THAWED,
    /** Freeze requested, some tasks not yet stopped. */
    FREEZING,
    /** Every task is stopped. */
    FROZEN
}
