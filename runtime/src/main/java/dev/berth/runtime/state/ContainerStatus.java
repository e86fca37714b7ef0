package dev.berth.runtime.state;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a container is in its life; written lower-case in the state file. */
public enum ContainerStatus {
    /** State written, the helper may be spawned and blocked, the user command has not been exec'd yet. */
    CREATED,
    /** The user command was exec'd and its process was alive when last seen. */
    RUNNING,
    /** The container's init process is gone (it exited, was killed, or died while berth was away). */
    EXITED;

    /** The lower-case name used in state files and in {@code berth ps}. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
