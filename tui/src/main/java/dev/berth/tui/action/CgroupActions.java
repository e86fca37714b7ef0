package dev.berth.tui.action;

import dev.berth.cgroupctl.Cgroup;
import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.IoLimit;
import dev.berth.cgroupctl.Limit;
import dev.berth.cgroupctl.Resources;
import dev.berth.runtime.ContainerName;
import dev.berth.runtime.ContainerNotFoundException;
import dev.berth.runtime.RuntimeConfig;
import dev.berth.runtime.control.CgroupControl;
import dev.berth.runtime.control.ControlException;
import dev.berth.runtime.control.KillSignal;
import dev.berth.runtime.control.Lifecycle;
import dev.berth.runtime.limits.DeviceRate;
import dev.berth.runtime.limits.InvalidLimitException;
import dev.berth.runtime.limits.LimitRequest;
import dev.berth.runtime.limits.LimitResolver;
import dev.berth.tui.view.ContainerRow;
import dev.berth.tui.view.LimitsView;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The production {@link ContainerActions}: limits through the runtime's limit syntax and
 * {@link CgroupControl#set} (all or nothing), freeze/thaw/kill through {@link CgroupControl} on any
 * container's cgroup, stop through {@link Lifecycle} for berth's own containers and TERM-then-KILL
 * on the cgroup for others. Launch is delegated to a {@link Launcher}. Thread-safe as far as the
 * runtime objects are.
 */
public final class CgroupActions implements ContainerActions {
    /** How long stop waits after SIGTERM before SIGKILL, as {@code docker stop}'s default. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(10);

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

    private final CgroupFs fs;
    private final CgroupControl control;
    private final Lifecycle lifecycle;
    private final LimitResolver resolver;
    private final Launcher launcher;
    private final RuntimeConfig config;
    private final Optional<String> unavailable;
    private final CgroupLimitsReader limitsReader;

    /**
     * @param unavailable why actions cannot run (not root), or empty
     * @param launcher the launcher ({@link Launcher#unavailable} when launching is not possible here)
     * @param config where berth's own containers live (stop goes through their state for those)
     */
    public CgroupActions(CgroupFs fs, CgroupControl control, Lifecycle lifecycle, LimitResolver resolver,
            Launcher launcher, Optional<String> unavailable, RuntimeConfig config) {
        this.config = config;
        this.fs = fs;
        this.control = control;
        this.lifecycle = lifecycle;
        this.resolver = resolver;
        this.launcher = launcher;
        this.unavailable = unavailable;
        this.limitsReader = new CgroupLimitsReader(fs);
    }

    @Override
    public Optional<String> unavailableReason() {
        return unavailable;
    }

    @Override
    public LimitsView readLimits(ContainerRow c) throws ActionException {
        try {
            return limitsReader.read(c.cgroupPath());
        } catch (CgroupException e) {
            throw new ActionException("cannot read limits: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<String> validateLimit(LimitField field, String text) {
        return LimitText.validate(field, text);
    }

    @Override
    public void applyLimits(ContainerRow c, Map<LimitField, String> changed) throws ActionException {
        LimitRequest.Builder b = LimitRequest.builder();
        String mems = null;
        try {
            for (Map.Entry<LimitField, String> e : changed.entrySet()) {
                if (e.getKey() == LimitField.CPUSET_MEMS) {
                    LimitText.addTo(b, e.getKey(), e.getValue());
                    mems = e.getValue().strip();
                } else if (e.getKey() == LimitField.IO) {
                    b.devices(ioWithRemovals(c, LimitText.parseIo(e.getValue())));
                } else if (!e.getValue().isBlank()) {
                    LimitText.addTo(b, e.getKey(), e.getValue());
                }
            }
            Resources r = resolver.resolve(b.build());
            if (mems != null) {
                r = r.withCpusetMems(mems);
            }
            control.set(c.cgroupPath(), r);
        } catch (IllegalArgumentException | InvalidLimitException e) {
            throw new ActionException(e.getMessage(), e);
        } catch (ControlException e) {
            throw new ActionException(e.getMessage(), e);
        } catch (IOException e) {
            throw new ActionException("cannot check limits against the host: " + e.getMessage(), e);
        }
    }

    /** The new IO limits plus {@code max} for every limit the container has now that the text dropped. */
    private List<DeviceRate> ioWithRemovals(ContainerRow c, List<DeviceRate> wanted) throws ActionException {
        List<DeviceRate> out = new ArrayList<>(wanted);
        List<IoLimit> current;
        try {
            current = fs.cgroup(c.cgroupPath()).readIoLimits();
        } catch (CgroupException e) {
            throw new ActionException("cannot read IO limits: " + e.getMessage(), e);
        }
        for (IoLimit l : current) {
            String dev = l.major() + ":" + l.minor();
            boolean kept = wanted.stream().anyMatch(w -> w.kind() == l.kind() && w.device().equals(dev));
            if (!kept && !l.value().isUnlimited()) {
                out.add(new DeviceRate(dev, l.kind(), Limit.UNLIMITED));
            }
        }
        return out;
    }

    @Override
    public void freeze(ContainerRow c) throws ActionException {
        try {
            control.freeze(c.cgroupPath(), CgroupControl.DEFAULT_TIMEOUT);
        } catch (ControlException e) {
            throw new ActionException(e.getMessage(), e);
        }
    }

    @Override
    public void thaw(ContainerRow c) throws ActionException {
        try {
            control.thaw(c.cgroupPath(), CgroupControl.DEFAULT_TIMEOUT);
        } catch (ControlException e) {
            throw new ActionException(e.getMessage(), e);
        }
    }

    @Override
    public void stop(ContainerRow c) throws ActionException {
        try {
            Optional<ContainerName> own = ownContainer(c);
            if (own.isPresent()) {
                try {
                    lifecycle.stop(own.get(), STOP_GRACE);
                    return;
                } catch (ContainerNotFoundException e) {
                    // a cgroup under berth's parent without a record: stop it like any other
                }
            }
            control.kill(c.cgroupPath(), KillSignal.TERM, OptionalLong.empty(), CgroupControl.DEFAULT_TIMEOUT);
            long deadline = System.nanoTime() + STOP_GRACE.toNanos();
            Cgroup cg = fs.cgroup(c.cgroupPath());
            while (System.nanoTime() < deadline && !empty(cg)) {
                Thread.sleep(100);
            }
            if (!empty(cg)) {
                control.kill(c.cgroupPath(), KillSignal.KILL, OptionalLong.empty(), CgroupControl.DEFAULT_TIMEOUT);
            }
        } catch (ControlException e) {
            throw new ActionException(e.getMessage(), e);
        } catch (IOException e) {
            throw new ActionException("cannot read the container's state: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ActionException("interrupted while waiting for the container to stop", e);
        } catch (RuntimeException e) {
            throw new ActionException(String.valueOf(e.getMessage()), e);
        }
    }

    /** berth's own container at this row: a cgroup directly under the configured cgroup parent. */
    private Optional<ContainerName> ownContainer(ContainerRow c) {
        String path = c.cgroupPath();
        int slash = path.lastIndexOf('/');
        String name = path.substring(slash + 1);
        if (slash > 0 && ContainerName.isValid(name) && config.cgroupPathOf(ContainerName.of(name)).equals(path)) {
            return Optional.of(ContainerName.of(name));
        }
        return Optional.empty();
    }

    private static boolean empty(Cgroup cg) {
        try {
            return !cg.exists() || cg.readProcs().isEmpty();
        } catch (CgroupException e) {
            return true; // gone mid-read: nothing left to stop
        }
    }

    @Override
    public void kill(ContainerRow c, String signal) throws ActionException {
        try {
            control.kill(c.cgroupPath(), KillSignal.parse(signal), OptionalLong.empty(), CgroupControl.DEFAULT_TIMEOUT);
        } catch (ControlException | IllegalArgumentException e) {
            throw new ActionException(e.getMessage(), e);
        }
    }

    @Override
    public Optional<String> validateLaunch(LaunchField field, String text) {
        return launcher.validate(field, text);
    }

    @Override
    public String launch(Map<LaunchField, String> values) throws ActionException {
        return launcher.launch(values);
    }
}
