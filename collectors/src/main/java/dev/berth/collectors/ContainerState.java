package dev.berth.collectors;

/** A container's state as the cgroup shows it. {@link #label()} is the word used in output and JSON. */
public enum ContainerState {
    /** Has processes and is not frozen. */
    RUNNING("running"),
    /** The freezer reports FROZEN or FREEZING: its processes cannot run. */
    FROZEN("frozen"),
    /** The cgroup still exists but no process is left in it or below it. */
    EXITED("exited");

    private final String label;

    ContainerState(String label) {
        this.label = label;
    }

    /** The lower-case name used in output and JSON. */
    public String label() {
        return label;
    }
}
