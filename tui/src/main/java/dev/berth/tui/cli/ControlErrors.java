package dev.berth.tui.cli;

import dev.berth.runtime.ContainerNotFoundException;
import dev.berth.runtime.control.ControlException;
import dev.berth.runtime.limits.InvalidLimitException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;

/** Maps the runtime's checked data errors to {@link UserDataException} (exit 1), for the control commands. */
final class ControlErrors {
    private ControlErrors() {
    }

    /** A control action that may fail with the runtime's data errors. */
    @FunctionalInterface
    interface Action<T> {
        T run() throws ContainerNotFoundException, ControlException, InvalidLimitException, IOException;
    }

    static <T> T map(Action<T> action) {
        try {
            return action.run();
        } catch (ContainerNotFoundException | ControlException | InvalidLimitException | IOException e) {
            throw userError(e);
        }
    }

    /**
     * The one message for a runtime data error. When the cause is a permission the kernel refused
     * (a state file, a cgroup file), the message says so and that root is needed: without it,
     * {@code set}, {@code freeze}, {@code thaw} and {@code kill} printed only a path (issue 10
     * defect 9).
     */
    static UserDataException userError(Exception e) {
        if (e instanceof AccessDeniedException a) {
            return new UserDataException("permission denied: " + a.getFile() + " (" + NEEDS_ROOT + ")", e);
        }
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (deniedPermission(e)) {
            return new UserDataException(message + " (" + NEEDS_ROOT + ")", e);
        }
        return new UserDataException(message, e);
    }

    static final String NEEDS_ROOT = "run berth as root to control containers";

    private static boolean deniedPermission(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AccessDeniedException) {
                return true;
            }
            if (t instanceof FileSystemException f && f.getReason() != null
                    && (f.getReason().equals("Permission denied") || f.getReason().equals("Operation not permitted"))) {
                return true;
            }
        }
        return false;
    }
}
