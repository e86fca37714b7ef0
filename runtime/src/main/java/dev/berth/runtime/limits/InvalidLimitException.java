package dev.berth.runtime.limits;

/**
 * A limit is well-formed but does not fit this host or this container: more CPUs than are
 * online, an unknown device, memory below current usage. The message is one line that names the
 * value and what is accepted; nothing was written when it is thrown.
 */
public final class InvalidLimitException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidLimitException(String message) {
        super(message);
    }

    public InvalidLimitException(String message, Throwable cause) {
        super(message, cause);
    }
}
