package dev.berth.runtime.launch;

/**
 * Observation points in a start, for callers that must act at an exact moment: the failure-path
 * tests kill the helper while its container process is blocked, the benchmark timestamps phases.
 * Every method has an empty default.
 */
public interface LaunchHooks {
    /** No hooks. */
    LaunchHooks NONE = new LaunchHooks() {
    };

    /**
     * The container process exists and is blocked before any setup; it is not in its cgroups yet.
     *
     * @param helper the helper process
     * @param containerPid the container's init, host pid
     */
    default void blocked(ProcessHandle helper, long containerPid) {
    }
}
