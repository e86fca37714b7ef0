package dev.berth.ops;

/**
 * The host failed the operation: the kernel refused a write (earlier writes of the same request were
 * restored), processes survived a kill, a state file could not be read or written, a launch failed.
 */
public final class OperationFailedException extends OpsException {
    private static final long serialVersionUID = 1L;

    public OperationFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    public OperationFailedException(String message) {
        super(message, null);
    }
}
