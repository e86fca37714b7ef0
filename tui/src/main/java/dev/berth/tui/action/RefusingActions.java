package dev.berth.tui.action;

import dev.berth.ops.CurrentLimits;
import dev.berth.tui.view.ContainerRow;
import java.util.Map;
import java.util.Optional;

/**
 * Container actions that refuse everything with one reason: {@code berth replay} (recorded history, nothing to
 * control), the class-data-sharing training run and benchmarks. Every control key answers with the reason (the
 * console checks {@link #unavailableReason()} before calling anything). Immutable.
 */
public final class RefusingActions implements ContainerActions {
    /** Why the control keys do nothing in replay. */
    public static final String REPLAY = "replay shows recorded history: control keys are disabled";

    private final String reason;

    /** @param reason what the status line says when a control key is pressed */
    public RefusingActions(String reason) {
        this.reason = reason;
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.of(reason);
    }

    @Override
    public CurrentLimits readLimits(ContainerRow container) throws ActionException {
        throw new ActionException(reason);
    }

    @Override
    public Optional<String> validateLimit(LimitField field, String text) {
        return Optional.of(reason);
    }

    @Override
    public void applyLimits(ContainerRow container, Map<LimitField, String> changed) throws ActionException {
        throw new ActionException(reason);
    }

    @Override
    public void freeze(ContainerRow container) throws ActionException {
        throw new ActionException(reason);
    }

    @Override
    public void thaw(ContainerRow container) throws ActionException {
        throw new ActionException(reason);
    }

    @Override
    public void stop(ContainerRow container) throws ActionException {
        throw new ActionException(reason);
    }

    @Override
    public void kill(ContainerRow container, String signal) throws ActionException {
        throw new ActionException(reason);
    }

    @Override
    public Optional<String> validateLaunch(LaunchField field, String text) {
        return Optional.of(reason);
    }

    @Override
    public String launch(Map<LaunchField, String> values) throws ActionException {
        throw new ActionException(reason);
    }
}
