package dev.berth.runtime.rootfs;

/** A {@code --rootfs} or {@code -u} argument cannot be used; the message is one line for the user. */
public final class RootfsException extends Exception {
    private static final long serialVersionUID = 1L;

    public RootfsException(String message) {
        super(message);
    }

    public RootfsException(String message, Throwable cause) {
        super(message, cause);
    }
}
