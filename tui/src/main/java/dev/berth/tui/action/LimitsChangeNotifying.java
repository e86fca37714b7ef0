package dev.berth.tui.action;

import dev.berth.tui.view.ContainerRow;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Actions that say which cgroup's limits they changed, so that the collector reads them at its next tick instead
 * of showing the ones it read up to one slow-cadence period ago ({@code Collector.invalidateLimits}). Every other
 * action passes through.
 */
public final class LimitsChangeNotifying implements ContainerActions {
    private final ContainerActions actions;
    private final Consumer<String> changed;

    /**
     * @param actions the actions
     * @param changed told the cgroup path of a container whose limits were just applied
     */
    public LimitsChangeNotifying(ContainerActions actions, Consumer<String> changed) {
        this.actions = actions;
        this.changed = changed;
    }

    @Override
    public Optional<String> unavailableReason() {
        return actions.unavailableReason();
    }

    @Override
    public dev.berth.ops.CurrentLimits readLimits(ContainerRow container) throws ActionException {
        return actions.readLimits(container);
    }

    @Override
    public Optional<String> validateLimit(LimitField field, String text) {
        return actions.validateLimit(field, text);
    }

    @Override
    public void applyLimits(ContainerRow container, Map<LimitField, String> values) throws ActionException {
        try {
            actions.applyLimits(container, values);
        } finally {
            // Also after a refusal: a partly applied change was rolled back, and re-reading costs one tick's read.
            changed.accept(container.cgroupPath());
        }
    }

    @Override
    public void freeze(ContainerRow container) throws ActionException {
        actions.freeze(container);
    }

    @Override
    public void thaw(ContainerRow container) throws ActionException {
        actions.thaw(container);
    }

    @Override
    public void stop(ContainerRow container) throws ActionException {
        actions.stop(container);
    }

    @Override
    public void kill(ContainerRow container, String signal) throws ActionException {
        actions.kill(container, signal);
    }

    @Override
    public Optional<String> validateLaunch(LaunchField field, String text) {
        return actions.validateLaunch(field, text);
    }

    @Override
    public String launch(Map<LaunchField, String> values) throws ActionException {
        return actions.launch(values);
    }
}
