package dev.berth.tui.screen;

import dev.berth.tui.action.ActionException;
import dev.berth.tui.action.ContainerActions;
import dev.berth.tui.action.LaunchField;
import dev.berth.tui.action.LimitField;
import dev.berth.tui.view.ContainerRow;
import dev.berth.ops.CurrentLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Records every call; validates limits with a tiny rule set so the form's live validation can be seen. */
final class FakeActions implements ContainerActions {
    final List<String> calls = new ArrayList<>();
    Optional<String> unavailable = Optional.empty();
    String failWith;

    @Override
    public Optional<String> unavailableReason() {
        return unavailable;
    }

    @Override
    public CurrentLimits readLimits(ContainerRow c) {
        return Fixtures.detail(c.id()).limits();
    }

    @Override
    public Optional<String> validateLimit(LimitField field, String text) {
        if (field == LimitField.MEMORY_MAX && !text.isBlank() && !text.matches("max|\\d+[KMG]?")) {
            return Optional.of("not a size: '" + text + "'");
        }
        return Optional.empty();
    }

    @Override
    public void applyLimits(ContainerRow c, Map<LimitField, String> changed) throws ActionException {
        record("limits " + c.name() + " " + changed);
    }

    @Override
    public void freeze(ContainerRow c) throws ActionException {
        record("freeze " + c.name());
    }

    @Override
    public void thaw(ContainerRow c) throws ActionException {
        record("thaw " + c.name());
    }

    @Override
    public void stop(ContainerRow c) throws ActionException {
        record("stop " + c.name());
    }

    @Override
    public void kill(ContainerRow c, String signal) throws ActionException {
        record("kill " + c.name() + " " + signal);
    }

    @Override
    public Optional<String> validateLaunch(LaunchField field, String text) {
        return field.required() && text.isBlank() ? Optional.of("required") : Optional.empty();
    }

    @Override
    public String launch(Map<LaunchField, String> values) throws ActionException {
        record("launch " + values);
        return "launched " + values.get(LaunchField.NAME);
    }

    private void record(String call) throws ActionException {
        if (failWith != null) {
            throw new ActionException(failWith);
        }
        calls.add(call);
    }
}
