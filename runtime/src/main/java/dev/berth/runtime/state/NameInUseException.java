package dev.berth.runtime.state;

import dev.berth.runtime.ContainerName;

/** Another container already has this name (in any state, including exited but not removed). */
public final class NameInUseException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient ContainerName name;

    public NameInUseException(ContainerName name) {
        super("container name " + name + " is already in use (remove it with: berth rm " + name + ")");
        this.name = name;
    }

    /** The name that is taken. */
    public ContainerName name() {
        return name;
    }
}
