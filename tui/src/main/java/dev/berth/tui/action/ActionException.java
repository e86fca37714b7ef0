package dev.berth.tui.action;

/**
 * An action was refused or failed; the message (lower-case, no trailing period) goes to the
 * status line and the console keeps running.
 */
public final class ActionException extends Exception {
    private static final long serialVersionUID = 1L;

    /** An action failure with a user-facing message. */
    public ActionException(String message) {
        super(message);
    }

    /** An action failure with a user-facing message and the underlying cause. */
    public ActionException(String message, Throwable cause) {
        super(message, cause);
    }
}
