package dev.berth.runtime.launch;

/**
 * A container could not be started or joined; the message is one line for the user, lower-case,
 * without a trailing period (for example {@code /bin/nope: no such file in the container's rootfs}).
 * When this is thrown, everything the attempt created has already been removed.
 */
public final class LaunchException extends Exception {
    private static final long serialVersionUID = 1L;

    public LaunchException(String message) {
        super(message);
    }

    public LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
