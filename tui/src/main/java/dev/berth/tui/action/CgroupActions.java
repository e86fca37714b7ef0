package dev.berth.tui.action;

import dev.berth.ops.Containers;
import dev.berth.ops.CurrentLimits;
import dev.berth.ops.LimitChange;
import dev.berth.ops.OpsException;
import dev.berth.ops.Target;
import dev.berth.runtime.control.KillSignal;
import dev.berth.runtime.limits.LimitRequest;
import dev.berth.tui.view.ContainerRow;
import java.util.Map;
import java.util.Optional;

/**
 * The production {@link ContainerActions}: a thin adapter from the console's rows and form text to the verbs of
 * {@link Containers}, the same ones {@code berth set}, {@code freeze}, {@code thaw}, {@code kill} and {@code stop}
 * call (so the state record, the ownership rule and the audit event are the same whichever front end acted).
 * A row is berth's own container when a state record says so ({@link Containers#targetOfCgroup}). Launch is
 * delegated to a {@link Launcher}.
 */
public final class CgroupActions implements ContainerActions {
    /** Launches containers for the launch form; absent when the runtime cannot launch here. */
    public interface Launcher {
        /** Checks one launch-form value. */
        Optional<String> validate(LaunchField field, String text);

        /** Launches in the background; returns a one-line confirmation. */
        String launch(Map<LaunchField, String> values) throws ActionException;

        /** A launcher that cannot launch, saying why (no C helper in this build, not root). */
        static Launcher unavailable(String reason) {
            return new Launcher() {
                @Override
                public Optional<String> validate(LaunchField field, String text) {
                    return field == LaunchField.ROOTFS ? Optional.of("launch unavailable: " + reason) : Optional.empty();
                }

                @Override
                public String launch(Map<LaunchField, String> values) throws ActionException {
                    throw new ActionException(reason);
                }
            };
        }
    }

    private final Containers containers;
    private final Launcher launcher;
    private final Optional<String> unavailable;

    /**
     * @param containers the verbs
     * @param launcher the launcher ({@link Launcher#unavailable} when launching is not possible here)
     * @param unavailable why actions cannot run (not root), or empty
     */
    public CgroupActions(Containers containers, Launcher launcher, Optional<String> unavailable) {
        this.containers = containers;
        this.launcher = launcher;
        this.unavailable = unavailable;
    }

    @Override
    public Optional<String> unavailableReason() {
        return unavailable;
    }

    private Target target(ContainerRow c) throws OpsException {
        return containers.targetOfCgroup(c.cgroupPath(), c.name());
    }

    @Override
    public CurrentLimits readLimits(ContainerRow c) throws ActionException {
        return run(() -> containers.readLimits(target(c)));
    }

    @Override
    public Optional<String> validateLimit(LimitField field, String text) {
        return LimitText.validate(field, text);
    }

    @Override
    public void applyLimits(ContainerRow c, Map<LimitField, String> changed) throws ActionException {
        LimitChange change;
        try {
            change = change(changed);
        } catch (IllegalArgumentException e) {
            throw new ActionException(e.getMessage(), e);
        }
        run(() -> containers.setLimits(target(c), change));
    }

    /**
     * The form's changed fields as a change of limits: blank fields stay as they are, except IO, whose text
     * lists every device throttle the container is to have (a device dropped from it goes back to max).
     * Package-private for testing.
     */
    static LimitChange change(Map<LimitField, String> changed) {
        LimitRequest.Builder b = LimitRequest.builder();
        Optional<String> mems = Optional.empty();
        boolean io = false;
        for (Map.Entry<LimitField, String> e : changed.entrySet()) {
            if (e.getKey() == LimitField.CPUSET_MEMS) {
                LimitText.addTo(b, e.getKey(), e.getValue());
                mems = Optional.of(e.getValue().strip());
            } else if (e.getKey() == LimitField.IO) {
                b.devices(LimitText.parseIo(e.getValue()));
                io = true;
            } else if (!e.getValue().isBlank()) {
                LimitText.addTo(b, e.getKey(), e.getValue());
            }
        }
        return new LimitChange(b.build(), mems, io);
    }

    @Override
    public void freeze(ContainerRow c) throws ActionException {
        run(() -> {
            containers.freeze(target(c), Containers.TIMEOUT);
            return null;
        });
    }

    @Override
    public void thaw(ContainerRow c) throws ActionException {
        run(() -> {
            containers.thaw(target(c), Containers.TIMEOUT);
            return null;
        });
    }

    @Override
    public void stop(ContainerRow c) throws ActionException {
        run(() -> {
            containers.stop(target(c), Containers.STOP_GRACE);
            return null;
        });
    }

    @Override
    public void kill(ContainerRow c, String signal) throws ActionException {
        KillSignal s;
        try {
            s = KillSignal.parse(signal);
        } catch (IllegalArgumentException e) {
            throw new ActionException(e.getMessage(), e);
        }
        run(() -> {
            containers.kill(target(c), s);
            return null;
        });
    }

    @Override
    public Optional<String> validateLaunch(LaunchField field, String text) {
        return launcher.validate(field, text);
    }

    @Override
    public String launch(Map<LaunchField, String> values) throws ActionException {
        return launcher.launch(values);
    }

    /** A verb's call. */
    private interface Call<T> {
        T run() throws OpsException;
    }

    private static <T> T run(Call<T> call) throws ActionException {
        try {
            return call.run();
        } catch (OpsException e) {
            throw new ActionException(e.getMessage(), e);
        }
    }
}
