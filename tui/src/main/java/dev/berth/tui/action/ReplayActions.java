package dev.berth.tui.action;

import dev.berth.ops.CurrentLimits;
import dev.berth.tui.view.ContainerRow;
import java.util.Map;
import java.util.Optional;

/**
 * The container actions of {@code berth replay}: none. The console shows recorded history, so every control key
 * answers with {@link #REASON} (the console checks {@link #unavailableReason()} before calling anything).
 * Stateless.
 */
public final class ReplayActions implements ContainerActions {
    /** Why the control keys do nothing in replay. */
    public static final String REASON = "replay shows recorded history: control keys are disabled";

    @Override
    public Optional<String> unavailableReason() {
        return Optional.of(REASON);
    }

    @Override
    public CurrentLimits readLimits(ContainerRow container) throws ActionException {
        throw new ActionException(REASON);
    }

    @Override
    public Optional<String> validateLimit(LimitField field, String text) {
        return Optional.of(REASON);
    }

    @Override
    public void applyLimits(ContainerRow container, Map<LimitField, String> changed) throws ActionException {
        throw new ActionException(REASON);
    }

    @Override
    public void freeze(ContainerRow container) throws ActionException {
        throw new ActionException(REASON);
    }

    @Override
    public void thaw(ContainerRow container) throws ActionException {
        throw new ActionException(REASON);
    }

    @Override
    public void stop(ContainerRow container) throws ActionException {
        throw new ActionException(REASON);
    }

    @Override
    public void kill(ContainerRow container, String signal) throws ActionException {
        throw new ActionException(REASON);
    }

    @Override
    public Optional<String> validateLaunch(LaunchField field, String text) {
        return Optional.of(REASON);
    }

    @Override
    public String launch(Map<LaunchField, String> values) throws ActionException {
        throw new ActionException(REASON);
    }
}
