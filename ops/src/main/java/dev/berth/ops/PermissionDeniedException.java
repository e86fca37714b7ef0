package dev.berth.ops;

/** The kernel or the filesystem denied the operation (berth does not run as root); names what was denied. */
public final class PermissionDeniedException extends OpsException {
    private static final long serialVersionUID = 1L;

    public PermissionDeniedException(String message, Throwable cause) {
        super(message, cause);
    }
}
