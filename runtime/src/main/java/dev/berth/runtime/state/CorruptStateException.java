package dev.berth.runtime.state;

import dev.berth.runtime.ContainerName;
import java.nio.file.Path;

/**
 * A container's state file exists but cannot be read as a {@link ContainerRecord}. The container
 * can still be removed ({@code berth rm -f NAME}); its cgroup is then found by name under the
 * cgroup parent.
 */
public final class CorruptStateException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient ContainerName name;
    private final transient Path file;

    public CorruptStateException(ContainerName name, Path file, String reason, Throwable cause) {
        super("state of container " + name + " is unreadable (" + file + "): " + reason, cause);
        this.name = name;
        this.file = file;
    }

    /** The container whose state is unreadable. */
    public ContainerName name() {
        return name;
    }

    /** The state file. */
    public Path file() {
        return file;
    }
}
