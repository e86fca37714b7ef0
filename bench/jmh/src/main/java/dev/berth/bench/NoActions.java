package dev.berth.bench;

import dev.berth.ops.CurrentLimits;
import dev.berth.tui.action.ActionException;
import dev.berth.tui.action.ContainerActions;
import dev.berth.tui.action.LaunchField;
import dev.berth.tui.action.LimitField;
import dev.berth.tui.view.ContainerRow;
import java.util.Map;
import java.util.Optional;

/** Actions for the render benchmark: read-only, every one refused. */
final class NoActions implements ContainerActions {
    @Override
    public Optional<String> unavailableReason() {
        return Optional.of("benchmark");
    }

    @Override
    public CurrentLimits readLimits(ContainerRow container) throws ActionException {
        throw new ActionException("benchmark");
    }

    @Override
    public Optional<String> validateLimit(LimitField field, String text) {
        return Optional.empty();
    }

    @Override
    public void applyLimits(ContainerRow container, Map<LimitField, String> changed) throws ActionException {
        throw new ActionException("benchmark");
    }

    @Override
    public void freeze(ContainerRow container) throws ActionException {
        throw new ActionException("benchmark");
    }

    @Override
    public void thaw(ContainerRow container) throws ActionException {
        throw new ActionException("benchmark");
    }

    @Override
    public void stop(ContainerRow container) throws ActionException {
        throw new ActionException("benchmark");
    }

    @Override
    public void kill(ContainerRow container, String signal) throws ActionException {
        throw new ActionException("benchmark");
    }

    @Override
    public Optional<String> validateLaunch(LaunchField field, String text) {
        return Optional.empty();
    }

    @Override
    public String launch(Map<LaunchField, String> values) throws ActionException {
        throw new ActionException("benchmark");
    }
}
