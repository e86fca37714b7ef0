package dev.berth.tui.view;

/** The lifecycle state the console shows in the STATE column. */
public enum ContainerState {
    /** Processes are runnable. */
    RUNNING("running"),
    /** The freezer is moving to FROZEN (v1 FREEZING, or v2 cgroup.freeze=1 not yet cgroup.events frozen 1). */
    FREEZING("freezing"),
    /** All processes are frozen. */
    FROZEN("frozen"),
    /** The container is known but has no processes left. */
    STOPPED("stopped"),
    /** The state could not be read. */
    UNKNOWN("?");

    private final String label;

    ContainerState(String label) {
        this.label = label;
    }

    /** Short lower-case label shown in the table. */
    public String label() {
        return label;
    }
}
