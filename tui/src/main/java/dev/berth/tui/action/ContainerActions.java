package dev.berth.tui.action;

import dev.berth.ops.CurrentLimits;
import dev.berth.tui.view.ContainerRow;
import java.util.Map;
import java.util.Optional;

/**
 * What the console can do to containers. The production implementation writes cgroups and calls
 * the runtime; tests use a fake. Methods may block (a freeze waits for the kernel) and are called
 * off the UI thread; validators are pure and called on the UI thread as the user types.
 */
public interface ContainerActions {
    /**
     * Why actions are unavailable (e.g. not root), or empty when they are available. When present,
     * the console shows a read-only banner and every action reports this reason instead of running.
     */
    Optional<String> unavailableReason();

    /**
     * Gets ready for the first action in the background, if there is anything to get ready; called by the console
     * once its first sampled frame is drawn. The default does nothing.
     */
    default void prepare() {
    }

    /** Reads the container's current limits, to start the limit form from. Fast (a few file reads). */
    dev.berth.ops.CurrentLimits readLimits(ContainerRow container) throws ActionException;

    /** Checks one limit-form value; the error message, or empty when valid. Blank means "leave unchanged". */
    Optional<String> validateLimit(LimitField field, String text);

    /**
     * Applies the changed limits to {@code container} all at once: either every value is written or
     * none (the cgroup is restored on failure).
     *
     * @param changed only the fields the user changed, in the syntax {@link #validateLimit} accepts
     */
    void applyLimits(ContainerRow container, Map<LimitField, String> changed) throws ActionException;

    /** Freezes every process of the container; returns when the kernel reports it frozen. */
    void freeze(ContainerRow container) throws ActionException;

    /** Thaws the container. */
    void thaw(ContainerRow container) throws ActionException;

    /** Stops the container: SIGTERM, then SIGKILL after a grace period, as the runtime does. */
    void stop(ContainerRow container) throws ActionException;

    /**
     * Sends {@code signal} to every process of the container.
     *
     * @param signal signal name without {@code SIG}, e.g. {@code TERM}, {@code KILL}
     */
    void kill(ContainerRow container, String signal) throws ActionException;

    /** Checks one launch-form value; the error message, or empty when valid. */
    Optional<String> validateLaunch(LaunchField field, String text);

    /**
     * Launches a new container in the background.
     *
     * @return a one-line confirmation for the status line (e.g. the new container's name and pid)
     */
    String launch(Map<LaunchField, String> values) throws ActionException;
}
