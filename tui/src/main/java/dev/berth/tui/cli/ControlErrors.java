package dev.berth.tui.cli;

import dev.berth.runtime.ContainerNotFoundException;
import dev.berth.runtime.control.ControlException;
import dev.berth.runtime.limits.InvalidLimitException;
import java.io.IOException;

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
        } catch (ContainerNotFoundException | ControlException | InvalidLimitException e) {
            throw new UserDataException(e.getMessage(), e);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new UserDataException("permission denied: " + e.getFile() + " (run berth as root to control "
                    + "containers)", e);
        } catch (IOException e) {
            throw new UserDataException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }
}
