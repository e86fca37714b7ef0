package dev.berth.ops;

/**
 * A request that does not fit the container as it is: an invalid or too-low limit, an exited container, a
 * NAME that matches several containers, a running container to remove without force. Nothing was changed.
 */
public final class RefusedException extends OpsException {
    private static final long serialVersionUID = 1L;

    public RefusedException(String message, Throwable cause) {
        super(message, cause);
    }

    public RefusedException(String message) {
        super(message, null);
    }
}
