package dev.berth.tui.cli;

/**
 * The command line was well-formed, but the data it names is wrong: a container that does not
 * exist, a cgroup that is not writable, a limit the kernel refused. Printed as
 * {@code berth <subcommand>: <message>} without usage; exit code 1.
 *
 * <p>Messages start with a lower-case letter and have no trailing period.
 */
public final class UserDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserDataException(String message) {
        super(message);
    }

    public UserDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
