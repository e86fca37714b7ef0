package dev.berth.ops;

import dev.berth.cgroupctl.Cgroup;
import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.IoLimit;
import dev.berth.cgroupctl.Limit;
import dev.berth.cgroupctl.Resources;
import dev.berth.collectors.ContainerIdentity;
import dev.berth.collectors.LimitChangeMarker;
import dev.berth.ops.ActionEvent.Action;
import dev.berth.ops.ActionEvent.Outcome;
import dev.berth.runtime.ContainerName;
import dev.berth.runtime.ContainerNotFoundException;
import dev.berth.runtime.RuntimeConfig;
import dev.berth.runtime.control.CgroupControl;
import dev.berth.runtime.control.ControlException;
import dev.berth.runtime.control.KillSignal;
import dev.berth.runtime.control.Lifecycle;
import dev.berth.runtime.control.LogReader;
import dev.berth.runtime.control.ProcessSignaller;
import dev.berth.runtime.launch.ExecSpec;
import dev.berth.runtime.launch.Execer;
import dev.berth.runtime.launch.HelperBinary;
import dev.berth.runtime.launch.LaunchException;
import dev.berth.runtime.launch.LaunchHooks;
import dev.berth.runtime.launch.LaunchSpec;
import dev.berth.runtime.launch.Launcher;
import dev.berth.runtime.launch.RunningContainer;
import dev.berth.runtime.limits.BlockDevices;
import dev.berth.runtime.limits.DeviceRate;
import dev.berth.runtime.limits.InvalidLimitException;
import dev.berth.runtime.limits.LimitRequest;
import dev.berth.runtime.limits.LimitResolver;
import dev.berth.runtime.limits.OnlineCpus;
import dev.berth.runtime.net.VethNetwork;
import dev.berth.runtime.state.ContainerRecord;
import dev.berth.runtime.state.ProcessProbe;
import dev.berth.runtime.state.StateReconciler;
import dev.berth.runtime.state.StateStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The container verbs every front end calls — resolve a NAME, set limits, freeze, thaw, kill, stop, rm, launch,
 * exec, logs — so that the CLI, the shell, the console, the recorder and the exporter cannot drift. Built by
 * {@link Host#containers()} from the host's one cgroup probe.
 *
 * <p>berth's own containers are those with a state record (never a cgroup that merely sits under the cgroup
 * parent), and the verbs act only on {@code <cgroup parent>/<name>} for them, whatever cgroup path the state
 * file names: a tampered {@code state.json} cannot point berth at another cgroup. A signal to a recorded init
 * pid is sent only when that pid is in the container's cgroup.
 *
 * <p>Every control action (set, freeze, thaw, kill, stop, rm, launch) is reported to the host's
 * {@link ActionListener} once it is over, done or not. Errors are {@link OpsException}s with one-line messages.
 * Thread-safe as far as the runtime objects are (the console calls it from a worker thread).
 */
public final class Containers {
    /** How long stop waits after SIGTERM before SIGKILL, as {@code docker stop}'s default. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(10);
    /** How long freeze, thaw and kill wait for the kernel. */
    public static final Duration TIMEOUT = CgroupControl.DEFAULT_TIMEOUT;
    private static final Duration POLL = Duration.ofMillis(100);

    private final Host host;
    private final RuntimeConfig config;
    private final CgroupFs fs;
    private final StateStore store;
    private final ProcessProbe processes;
    private final Lifecycle lifecycle;
    private final CgroupControl control;
    private final LimitResolver limits;
    private final LimitsReader limitsReader;
    private final ActionListener listener;
    private final OptionalLong uid;
    private HelperBinary helper;

    Containers(Host host, CgroupFs fs, ProcessSignaller signaller, ActionListener listener) {
        this.host = host;
        this.config = host.config().runtime();
        this.fs = fs;
        this.store = host.store();
        this.processes = host.processes();
        this.lifecycle = new Lifecycle(config, store, fs, processes, signaller, host.clock());
        this.control = new CgroupControl(fs, signaller, ProcessHandle.current().pid());
        this.limits = new LimitResolver(new OnlineCpus(host.config().sysfs()), new BlockDevices(host.config().sysfs()));
        this.limitsReader = new LimitsReader(fs);
        this.listener = listener;
        this.uid = HostUser.effectiveUid();
        try {
            // as every command that touches berth's containers does: those that died while no berth ran are exited
            new StateReconciler(store, processes, host.clock()).reconcile();
        } catch (IOException e) {
            // best effort: a state dir this user cannot read is reported by the verb that needs it
        }
    }

    // ---- resolving ----

    /**
     * Resolves a NAME as {@code berth ps --all} shows it, in this order: one of berth's own containers (by its
     * state record); a "/"-rooted cgroup path; whatever else discovery lists (a docker or podman name or id, a
     * unique id prefix of at least 3 hex digits, an LXC name, a systemd unit).
     *
     * @throws NoSuchContainerException if nothing of that name exists
     * @throws RefusedException if berth's container of that name has exited, or the name matches several
     */
    public Target resolve(String name) throws OpsException {
        Optional<Target> own = ownRunning(name);
        if (own.isPresent()) {
            return own.get();
        }
        if (name.startsWith("/")) {
            return targetOfCgroup(name, name);
        }
        Optional<Target> discovered = discovered(name);
        if (discovered.isPresent()) {
            return discovered.get();
        }
        throw new NoSuchContainerException("no such container: " + name + " (expected a name, id or cgroup path "
                + "that 'berth ps --all' shows)");
    }

    /**
     * The target of a cgroup the console shows: berth's own container when a state record names a container
     * whose cgroup ({@code <cgroup parent>/<name>}) is this path, else a foreign cgroup.
     */
    public Target targetOfCgroup(String cgroupPath, String label) throws OpsException {
        int slash = cgroupPath.lastIndexOf('/');
        String last = cgroupPath.substring(slash + 1);
        if (slash >= 0 && ContainerName.isValid(last)
                && config.cgroupPathOf(ContainerName.of(last)).equals(cgroupPath)) {
            Optional<ContainerRecord> r = record(ContainerName.of(last));
            if (r.isPresent() && r.get().cgroupPath().equals(cgroupPath)) {
                return new Target(label, cgroupPath, r);
            }
        }
        return new Target(label, cgroupPath, Optional.empty());
    }

    /**
     * berth's own container {@code name}, running or not (stop and rm clean up after an exited one).
     *
     * @throws NoSuchContainerException if berth has no container of that name
     */
    public Target own(ContainerName name) throws OpsException {
        ContainerRecord r = record(name).orElseThrow(() -> new NoSuchContainerException("no such container: "
                + name));
        return new Target(name.value(), checkedPath(r), Optional.of(r));
    }

    /**
     * {@code <cgroup parent>/<name>} of berth's own container, refused when its state names another cgroup: the
     * container was started under another {@code --cgroup-parent}, or the file was edited. berth never acts on a
     * cgroup because a state file names it; {@code rm -f} still removes the container under this parent.
     */
    private String checkedPath(ContainerRecord r) throws RefusedException {
        String path = config.cgroupPathOf(r.name());
        if (!path.equals(r.cgroupPath())) {
            throw new RefusedException("the state of container " + r.name() + " names cgroup " + r.cgroupPath()
                    + ", not " + path + " (cgroup parent " + config.cgroupParent() + "): not acting on it; give the "
                    + "--cgroup-parent it was started with, or remove it with 'berth rm -f " + r.name() + "'");
        }
        return path;
    }

    private Optional<Target> ownRunning(String name) throws OpsException {
        if (!ContainerName.isValid(name)) {
            return Optional.empty();
        }
        ContainerName n = ContainerName.of(name);
        Optional<ContainerRecord> r = record(n);
        if (r.isEmpty()) {
            return Optional.empty();
        }
        String path = checkedPath(r.get());
        if (!r.get().isActive() && !fs.cgroup(path).exists()) {
            throw new RefusedException("container " + name + " is not running (it exited"
                    + (r.get().exitCode() == null ? "" : " with status " + r.get().exitCode()) + ")");
        }
        return Optional.of(new Target(name, path, r));
    }

    private Optional<ContainerRecord> record(ContainerName name) throws OpsException {
        try {
            return Optional.of(lifecycle.get(name));
        } catch (ContainerNotFoundException e) {
            return Optional.empty();
        } catch (ControlException | IOException e) {
            throw map(e);
        }
    }

    private Optional<Target> discovered(String name) throws OpsException {
        List<ContainerIdentity> all;
        try {
            all = host.discovery().discover(true, warning -> { });
        } catch (CgroupException e) {
            throw new OperationFailedException("cannot list containers: " + e.getMessage(), e);
        }
        List<ContainerIdentity> exact = matching(all, c -> c.name().equals(name) || c.id().equals(name)
                || c.cgroup().equals(name));
        if (exact.isEmpty() && name.matches("[0-9a-f]{3,63}")) {
            exact = matching(all, c -> c.id().matches("[0-9a-f]{64}") && c.id().startsWith(name));
        }
        if (exact.size() > 1) {
            throw new RefusedException("\"" + name + "\" matches " + exact.size() + " containers: "
                    + exact.stream().map(ContainerIdentity::cgroup).collect(Collectors.joining(", "))
                    + "; give the cgroup path instead");
        }
        if (exact.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(targetOfCgroup(exact.get(0).cgroup(), name));
    }

    private static List<ContainerIdentity> matching(List<ContainerIdentity> all, Predicate<ContainerIdentity> p) {
        return all.stream().filter(p).toList();
    }

    // ---- reading ----

    /** The target's current limits (for a form's starting values). */
    public CurrentLimits readLimits(Target t) throws OpsException {
        try {
            return limitsReader.read(t.cgroupPath());
        } catch (CgroupException e) {
            throw new OperationFailedException("cannot read the limits of " + t.cgroupPath() + ": " + e.getMessage(),
                    e);
        }
    }

    /** Copies a container's log to {@code out}; with {@code follow}, until it exits. */
    public void logs(ContainerName name, OutputStream out, boolean follow) throws OpsException {
        try {
            new LogReader(lifecycle).copy(name, out, follow);
        } catch (ContainerNotFoundException | ControlException | IOException e) {
            throw map(e);
        }
    }

    // ---- control verbs ----

    /**
     * Changes the target's limits, all or nothing; for berth's own container, the new values are recorded in its
     * state, the same way whichever front end asked.
     *
     * @return what was applied, option name without dashes to value ({@link LimitChange#describe()})
     */
    public Map<String, String> setLimits(Target t, LimitChange change) throws OpsException {
        Map<String, String> after = change.describe();
        Map<String, String> before = new LinkedHashMap<>();
        try {
            before.putAll(limitsReader.read(t.cgroupPath()).asOptions());
        } catch (CgroupException | RuntimeException e) {
            // the before-values are for the audit event only; set itself says what is wrong with the cgroup
        }
        return audited(Action.SET_LIMITS, t, before, after, () -> {
            LimitRequest request = change.request();
            if (change.replaceDevices()) {
                request = withRemovals(t, request);
            }
            try {
                Resources r = limits.resolve(request);
                if (change.cpusetMems().isPresent()) {
                    r = r.withCpusetMems(change.cpusetMems().get().strip());
                }
                control.set(t.cgroupPath(), r);
                if (t.own().isPresent()) {
                    lifecycle.recordLimits(t.own().get().name(), after);
                }
                // only after success: a refused change was rolled back, to the limits every reader has
                signalLimitChange(t.cgroupPath());
            } catch (InvalidLimitException | ControlException | ContainerNotFoundException | IOException e) {
                throw map(e);
            } catch (IllegalArgumentException e) {
                throw new RefusedException(e.getMessage(), e);
            }
            return after;
        });
    }

    /**
     * Tells every running console, exporter and recorder on this host (through {@link LimitChangeMarker} in the
     * state directory) to read limits again at its next tick. Best effort: when the marker cannot be written, they
     * show the change one slow-cadence period later, and the change itself stands.
     */
    private void signalLimitChange(String cgroupPath) {
        try {
            LimitChangeMarker.in(config.stateDir()).signal(cgroupPath);
        } catch (IOException | RuntimeException e) {
            // see above: nothing is lost but up to one slow-cadence period of freshness
        }
    }

    /** The device throttles of {@code request}, plus {@code max} for every one the container has now that it drops. */
    private LimitRequest withRemovals(Target t, LimitRequest request) throws OpsException {
        List<DeviceRate> out = new ArrayList<>(request.devices());
        List<IoLimit> current;
        try {
            current = fs.cgroup(t.cgroupPath()).readIoLimits();
        } catch (CgroupException e) {
            throw new OperationFailedException("cannot read the IO limits of " + t.cgroupPath() + ": "
                    + e.getMessage(), e);
        }
        for (IoLimit l : current) {
            String dev = l.major() + ":" + l.minor();
            boolean kept = request.devices().stream().anyMatch(w -> w.kind() == l.kind() && w.device().equals(dev));
            if (!kept && !l.value().isUnlimited()) {
                out.add(new DeviceRate(dev, l.kind(), Limit.UNLIMITED));
            }
        }
        return new LimitRequest(request.cpus(), request.cpuWeight(), request.cpusetCpus(), request.memory(),
                request.memoryHigh(), request.memorySwap(), request.pids(), out);
    }

    /** Freezes every process of the target; returns when the kernel reports it frozen. */
    public void freeze(Target t, Duration timeout) throws OpsException {
        audited(Action.FREEZE, t, Map.of(), Map.of(), () -> {
            try {
                control.freeze(t.cgroupPath(), timeout);
            } catch (ControlException e) {
                throw map(e);
            }
            return null;
        });
    }

    /** Thaws the target; returns when the kernel reports it thawed. */
    public void thaw(Target t, Duration timeout) throws OpsException {
        audited(Action.THAW, t, Map.of(), Map.of(), () -> {
            try {
                control.thaw(t.cgroupPath(), timeout);
            } catch (ControlException e) {
                throw map(e);
            }
            return null;
        });
    }

    /**
     * Sends {@code signal}. SIGKILL empties the target's cgroup (for berth's own container, the empty cgroup is
     * then removed and the exit recorded, as stop does); another signal goes to the init process of berth's own
     * container (only when that pid is in its cgroup), or to every process of a foreign one.
     */
    public void kill(Target t, KillSignal signal) throws OpsException {
        audited(Action.KILL, t, Map.of(), Map.of("signal", signal.name()), () -> {
            try {
                boolean kill = signal.number() == KillSignal.KILL.number();
                OptionalLong main = OptionalLong.empty();
                if (t.own().isPresent() && !kill) {
                    main = OptionalLong.of(initInCgroup(t));
                }
                control.kill(t.cgroupPath(), signal, main, TIMEOUT);
                if (t.own().isPresent() && kill) {
                    finishStop(t.own().get().name(), Duration.ZERO);
                }
            } catch (ControlException | IOException e) {
                throw map(e);
            }
            return null;
        });
    }

    /**
     * The init pid of berth's own container, checked to be in its cgroup: a state file names a pid, and berth
     * must not signal a process that is not the container's.
     */
    private long initInCgroup(Target t) throws OpsException {
        ContainerRecord r = t.own().orElseThrow();
        if (r.pid() == null) {
            throw new RefusedException("container " + t.label() + " has no init process recorded");
        }
        List<Long> procs;
        try {
            procs = fs.cgroup(t.cgroupPath()).readProcs();
        } catch (CgroupException e) {
            throw new OperationFailedException("cannot read the processes of " + t.cgroupPath() + ": "
                    + e.getMessage(), e);
        }
        if (!procs.contains(r.pid())) {
            throw new RefusedException("the recorded init pid " + r.pid() + " of " + t.label() + " is not in its "
                    + "cgroup " + t.cgroupPath() + ": not signalled");
        }
        return r.pid();
    }

    /**
     * Stops the target. berth's own container: SIGTERM to its init, up to {@code grace} to exit, then SIGKILL to
     * everything left; the empty cgroup is removed and the state says exited. A foreign container: SIGTERM to
     * every process, then SIGKILL to what is left after {@code grace}.
     */
    public void stop(Target t, Duration grace) throws OpsException {
        audited(Action.STOP, t, Map.of(), Map.of("grace", grace.toSeconds() + "s"), () -> {
            try {
                if (t.own().isPresent()) {
                    finishStop(t.own().get().name(), grace);
                } else {
                    stopForeign(t, grace);
                }
            } catch (ControlException | IOException e) {
                throw map(e);
            }
            return null;
        });
    }

    /**
     * {@link Lifecycle#stop} of a container that had a record when resolved. A foreground {@code run --rm}
     * removes its container's state as soon as the container dies, which a stop or kill causes: the record
     * gone by the time the exit would be written is then success, not "no such container".
     */
    private void finishStop(ContainerName name, Duration grace) throws ControlException, IOException {
        try {
            lifecycle.stop(name, grace);
        } catch (ContainerNotFoundException e) {
            // removed by its foreground `berth run --rm`: stopped, and nothing left to record
        }
    }

    private void stopForeign(Target t, Duration grace) throws ControlException, OpsException {
        control.kill(t.cgroupPath(), KillSignal.TERM, OptionalLong.empty(), TIMEOUT);
        Cgroup cg = fs.cgroup(t.cgroupPath());
        long deadline = System.nanoTime() + grace.toNanos();
        while (System.nanoTime() < deadline && !empty(cg)) {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OperationFailedException("interrupted while waiting for " + t.label() + " to stop", e);
            }
        }
        if (!empty(cg)) {
            control.kill(t.cgroupPath(), KillSignal.KILL, OptionalLong.empty(), TIMEOUT);
        }
    }

    private static boolean empty(Cgroup cg) {
        try {
            return !cg.exists() || cg.readProcs().isEmpty();
        } catch (CgroupException e) {
            return true; // gone mid-read: nothing left to stop
        }
    }

    /**
     * Removes berth's container {@code name} and all it left: cgroup, overlay layer, state, log. A running one is
     * refused unless {@code force}, which kills it first.
     */
    public void remove(ContainerName name, boolean force) throws OpsException {
        Target t = new Target(name.value(), config.cgroupPathOf(name), Optional.empty());
        audited(Action.REMOVE, t, Map.of(), force ? Map.of("force", "true") : Map.of(), () -> {
            try {
                lifecycle.remove(name, force);
            } catch (ContainerNotFoundException | ControlException | IOException e) {
                throw map(e);
            }
            return null;
        });
    }

    // ---- launch ----

    /** Why this build cannot launch containers (no C helper), or empty. */
    public synchronized Optional<String> launchUnavailableReason() {
        return helper().unavailableReason();
    }

    private synchronized HelperBinary helper() {
        if (helper == null) {
            helper = HelperBinary.locate(config.stateDir().resolve(".bin"));
        }
        return helper;
    }

    /** Checks {@code request} against the host (online CPUs, block devices) as a launch or set would. */
    public Resources resolveLimits(LimitRequest request) throws OpsException {
        try {
            return limits.resolve(request);
        } catch (InvalidLimitException | IOException e) {
            throw map(e);
        }
    }

    /** Starts a container; a detached one keeps running after this returns. */
    public RunningContainer launch(LaunchSpec spec) throws OpsException {
        Target t = new Target(spec.name().map(ContainerName::value).orElse("(new)"),
                spec.name().map(config::cgroupPathOf).orElse(config.cgroupParent()), Optional.empty());
        return audited(Action.LAUNCH, t, Map.of(), spec.limitsAsGiven(), () -> {
            Optional<String> missing = helper().unavailableReason();
            if (missing.isPresent()) {
                throw new RefusedException(missing.get());
            }
            Launcher launcher = new Launcher(config, fs, helper(), store, new VethNetwork(), processes,
                    host.clock());
            try {
                return launcher.start(spec, LaunchHooks.NONE);
            } catch (LaunchException e) {
                throw new OperationFailedException(e.getMessage(), e);
            }
        });
    }

    /**
     * Runs a command inside berth's running container {@code name}; returns its exit status. Refused, like every
     * verb, when the container's state names a cgroup other than {@code <cgroup parent>/<name>} (the exec'd
     * process would be put into that cgroup).
     */
    public int exec(ContainerName name, ExecSpec spec) throws OpsException, InterruptedException {
        Optional<String> missing = helper().unavailableReason();
        if (missing.isPresent()) {
            throw new RefusedException(missing.get());
        }
        Optional<ContainerRecord> r = record(name);
        if (r.isPresent()) {
            checkedPath(r.get());
        }
        try {
            return new Execer(fs, helper(), store, processes).exec(name, spec);
        } catch (LaunchException e) {
            throw new OperationFailedException(e.getMessage(), e);
        }
    }

    // ---- errors and audit ----

    /** A verb's body. */
    private interface Body<T> {
        T run() throws OpsException;
    }

    private <T> T audited(Action action, Target t, Map<String, String> before, Map<String, String> after,
            Body<T> body) throws OpsException {
        try {
            T result = body.run();
            report(action, t, before, after, Outcome.DONE, Optional.empty());
            return result;
        } catch (OpsException e) {
            Outcome o = e instanceof OperationFailedException ? Outcome.FAILED : Outcome.REFUSED;
            report(action, t, before, after, o, Optional.ofNullable(e.getMessage()));
            throw e;
        }
    }

    private void report(Action action, Target t, Map<String, String> before, Map<String, String> after,
            Outcome outcome, Optional<String> error) {
        try {
            listener.actionTaken(new ActionEvent(host.clock().instant(), action, t.label(),
                    Optional.of(t.cgroupPath()), before, after, uid, outcome, error));
        } catch (RuntimeException e) {
            // a listener must not throw (see ActionListener): the action's own outcome stands
        }
    }

    /** The runtime's checked errors as this layer's. */
    static OpsException map(Exception e) {
        if (e instanceof OpsException o) {
            return o;
        }
        AccessDeniedException denied = deniedCause(e);
        if (denied != null) {
            return new PermissionDeniedException("permission denied: " + denied.getFile()
                    + " (run berth as root to control containers)", e);
        }
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (e instanceof ContainerNotFoundException) {
            return new NoSuchContainerException(message, e);
        }
        if (e instanceof InvalidLimitException) {
            return new RefusedException(message, e);
        }
        return new OperationFailedException(message, e);
    }

    private static AccessDeniedException deniedCause(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof AccessDeniedException a) {
                return a;
            }
        }
        return null;
    }
}
