package dev.berth.history.report;

/**
 * The report cannot be made as asked: a container name that matches nothing in the period, or several containers
 * at once. The message is one lower-case line for the user.
 */
public final class ReportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReportException(String message) {
        super(message);
    }
}
