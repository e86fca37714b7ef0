package dev.berth.export;

/**
 * The exporter could not start: the address does not resolve, the port is taken, or binding needs a privilege
 * berth lacks. The message is one lower-case line naming the address and the reason.
 */
public final class ExportException extends Exception {
    private static final long serialVersionUID = 1L;

    ExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
