package dev.berth.runtime.control;

/**
 * A control operation was refused or failed and changed nothing it could undo: the target is
 * berth's own cgroup, the kernel refused a write, processes survived a kill. One-line message
 * starting lower-case, for {@code berth <subcommand>: <message>}.
 */
public final class ControlException extends Exception {
    private static final long serialVersionUID = 1L;

    public ControlException(String message) {
        super(message);
    }

    public ControlException(String message, Throwable cause) {
        super(message, cause);
    }
}
