package dev.berth.ops;

/**
 * A verb was refused or failed. The message is one line, lower-case, without a trailing period, for
 * {@code berth <subcommand>: <message>} or the console's status line. Every subtype means "the data named
 * is wrong or the host said no" (CLI exit status 1); callers branch on the subtype only where they must
 * (e.g. {@link NoSuchContainerException} for completion), never on the message.
 */
public abstract sealed class OpsException extends Exception
        permits NoSuchContainerException, RefusedException, PermissionDeniedException, OperationFailedException {
    private static final long serialVersionUID = 1L;

    OpsException(String message, Throwable cause) {
        super(message, cause);
    }
}
