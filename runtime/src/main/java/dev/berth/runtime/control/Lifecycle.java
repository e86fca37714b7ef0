package dev.berth.runtime.control;

import dev.berth.cgroupctl.Cgroup;
import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.ControllerUnavailableException;
import dev.berth.cgroupctl.FreezerState;
import dev.berth.runtime.ContainerName;
import dev.berth.runtime.ContainerNotFoundException;
import dev.berth.runtime.RuntimeConfig;
import dev.berth.runtime.net.VethNetwork;
import dev.berth.runtime.state.ContainerRecord;
import dev.berth.runtime.state.CorruptStateException;
import dev.berth.runtime.state.ProcessProbe;
import dev.berth.runtime.state.StateReconciler;
import dev.berth.runtime.state.StateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Stop and remove berth's own containers, and clean up what they leave behind: the cgroup (in
 * every hierarchy), the overlay upper and work dirs, and the state directory with its log.
 * Mounts need no cleanup: they live in the container's mount namespace and die with it.
 *
 * <p>Thread-safety: stateless apart from its collaborators; two berth processes stopping the same
 * container both succeed (the second finds it exited).
 */
public final class Lifecycle {
    /** How often the init process is checked while waiting for it to exit. */
    private static final Duration POLL = Duration.ofMillis(20);
    /** How long stop waits for a detached container's monitor to record the exit status. */
    private static final Duration EXIT_STATUS_WAIT = Duration.ofSeconds(1);

    private final RuntimeConfig config;
    private final StateStore store;
    private final CgroupFs fs;
    private final ProcessProbe processes;
    private final ProcessSignaller signaller;
    private final InstantSource clock;
    private final StateReconciler reconciler;

    public Lifecycle(RuntimeConfig config, StateStore store, CgroupFs fs, ProcessProbe processes,
            ProcessSignaller signaller, InstantSource clock) {
        this.config = config;
        this.store = store;
        this.fs = fs;
        this.processes = processes;
        this.signaller = signaller;
        this.clock = clock;
        this.reconciler = new StateReconciler(store, processes, clock);
    }

    /**
     * The container's record, marked exited first if its process died while nobody watched.
     *
     * @throws ContainerNotFoundException if berth has no container of that name
     * @throws ControlException if its state is unreadable
     */
    public ContainerRecord get(ContainerName name) throws ContainerNotFoundException, ControlException, IOException {
        ContainerRecord r = load(name);
        if (r.isActive() && reconciler.isDead(r, clock.instant())) {
            // the monitor writes the status right after reaping the init: it may be a moment behind
            Integer code = r.spec().detached() ? awaitExitStatus(name) : store.readExitStatus(name).orElse(null);
            Instant now = clock.instant();
            r = record(name, r.exited(code, now), c -> c.isActive() ? c.exited(code, now) : c);
        } else if (!r.isActive() && r.exitCode() == null) {
            Optional<Integer> late = store.readExitStatus(name);
            if (late.isPresent()) {
                Instant now = clock.instant();
                r = record(name, r.exited(late.get(), now), c -> c.exited(late.get(), now));
            }
        }
        return r;
    }

    /**
     * Stops a container: SIGTERM to its init process, up to {@code grace} to exit, then SIGKILL to
     * everything left in its cgroup; then the empty cgroup is removed and the state says exited.
     * A frozen container is thawed first, or it could not act on SIGTERM. Stopping an exited
     * container only removes what it left.
     *
     * @return the record as written
     */
    public ContainerRecord stop(ContainerName name, Duration grace) throws ContainerNotFoundException,
            ControlException, IOException {
        ContainerRecord r = get(name);
        // <parent>/<name>, never the path the state file names: a tampered file must not aim berth elsewhere
        String cgroupPath = config.cgroupPathOf(name);
        Cgroup cg = fs.cgroup(cgroupPath);
        boolean initInCgroup = false;
        try {
            if (r.isActive() && cg.exists()) {
                thawIfFrozen(cg);
                // the recorded pid is signalled only while it is in the container's cgroup
                initInCgroup = r.pid() != null && cg.readProcs().contains(r.pid());
                if (initInCgroup && signaller.signal(r.pid(), KillSignal.TERM)) {
                    waitForExit(r, grace);
                }
            }
            if (cg.exists()) {
                cg.killAll(CgroupControl.DEFAULT_TIMEOUT);
            }
            if (initInCgroup) {
                waitForExit(r, CgroupControl.DEFAULT_TIMEOUT);
            }
            fs.remove(cgroupPath);
        } catch (CgroupException e) {
            throw new ControlException("cannot stop " + name + ": " + e.getMessage(), e);
        }
        if (initInCgroup && processes.isAlive(r.pid(), r.pidStartTime())) {
            throw new ControlException("cannot stop " + name + ": its init process " + r.pid()
                    + " is still alive after SIGKILL");
        }
        Integer code = r.isActive() && r.spec().detached() ? awaitExitStatus(name) : null;
        Instant now = clock.instant();
        return record(name, r.exited(code, now), c -> c.exited(code, now));
    }

    /**
     * Removes a container and all it left: cgroup, overlay upper and work dirs, state and log.
     * A running container is refused unless {@code force}, which kills it first. With
     * {@code force}, a container whose state is unreadable is removed too, its cgroup found by
     * name under the cgroup parent.
     */
    public void remove(ContainerName name, boolean force) throws ContainerNotFoundException, ControlException,
            IOException {
        Optional<ContainerRecord> record;
        try {
            record = Optional.of(get(name));
        } catch (ControlException e) {
            if (!force || !(e.getCause() instanceof CorruptStateException)) {
                throw e;
            }
            record = Optional.empty();
        }
        if (record.isPresent() && record.get().isActive() && !force) {
            throw new ControlException("container " + name + " is running: stop it first, or use rm -f");
        }
        // <parent>/<name>, never the path the state file names: a tampered file must not aim berth elsewhere
        String cgroupPath = config.cgroupPathOf(name);
        try {
            Cgroup cg = fs.cgroup(cgroupPath);
            if (cg.exists()) {
                thawIfFrozen(cg);
                cg.killAll(CgroupControl.DEFAULT_TIMEOUT);
            }
            fs.remove(cgroupPath);
        } catch (CgroupException e) {
            throw new ControlException("cannot remove the cgroup " + cgroupPath + " of " + name + ": "
                    + e.getMessage(), e);
        }
        if (record.isPresent()) {
            deleteLayer(name, record.get().upperDir());
            deleteLayer(name, record.get().workDir());
            if ("veth".equals(record.get().spec().network())) {
                // The kernel deletes the pair when the container's network namespace dies, but from a work queue,
                // after the last process is reaped: without this, "rm x && run --name x --net veth" can find the
                // host end still there (seen in RunCommandPrivilegedTest).
                new VethNetwork().delete(VethNetwork.hostInterfaceName(name.value()));
            }
        }
        store.delete(name);
    }

    /**
     * Records limits changed by {@code berth set} in the container's spec summary, so that the
     * state shows what the container runs with now.
     */
    public ContainerRecord recordLimits(ContainerName name, java.util.Map<String, String> changed)
            throws ContainerNotFoundException, ControlException, IOException {
        return update(name, r -> r.withSpec(r.spec().withLimits(changed)));
    }

    private ContainerRecord load(ContainerName name) throws ContainerNotFoundException, ControlException,
            IOException {
        try {
            return store.load(name).orElseThrow(() -> new ContainerNotFoundException(name.value()));
        } catch (CorruptStateException e) {
            throw new ControlException(e.getMessage() + "; remove it with: berth rm -f " + name, e);
        }
    }

    private ContainerRecord update(ContainerName name, java.util.function.UnaryOperator<ContainerRecord> change)
            throws ContainerNotFoundException, ControlException, IOException {
        try {
            return store.update(name, change).orElseThrow(() -> new ContainerNotFoundException(name.value()));
        } catch (CorruptStateException e) {
            throw new ControlException(e.getMessage(), e);
        }
    }

    /**
     * Writes what {@code get} and {@code stop} found out (the container exited, with this code), or,
     * when the state filesystem cannot take the write, returns it without writing: the record is a
     * cache of what the processes and the monitor's exit-status file say, and the next command
     * derives the same again. Cleanup must never need to write first (issue 10 defect 4: a full
     * state filesystem made logs, stop, rm and rm -f fail with "No space left on device", so berth
     * could not free the space).
     */
    private ContainerRecord record(ContainerName name, ContainerRecord derived,
            java.util.function.UnaryOperator<ContainerRecord> change)
            throws ContainerNotFoundException, ControlException {
        try {
            return update(name, change);
        } catch (IOException e) {
            return derived;
        }
    }

    /**
     * The exit status a detached container's monitor writes right after its init is reaped; a
     * moment after the init died it may not be there yet, hence the short wait.
     */
    private Integer awaitExitStatus(ContainerName name) {
        long deadline = System.nanoTime() + EXIT_STATUS_WAIT.toNanos();
        Optional<Integer> code = store.readExitStatus(name);
        while (code.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            code = store.readExitStatus(name);
        }
        return code.orElse(null);
    }

    private void waitForExit(ContainerRecord r, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (processes.isAlive(r.pid(), r.pidStartTime()) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Deletes an overlay layer directory. Only absolute paths of at least two components are
     * accepted, so that a damaged record can never turn this into {@code rm -rf /} or
     * {@code rm -rf /var}.
     */
    private static void deleteLayer(ContainerName name, Path dir) throws IOException, ControlException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        Path p = dir.normalize();
        if (!p.isAbsolute() || p.getNameCount() < 2 || !p.equals(dir)) {
            throw new ControlException("refusing to delete the overlay directory " + dir + " of " + name
                    + ": not an absolute, normalised path of at least two components");
        }
        List<Path> all;
        try (Stream<Path> s = Files.walk(p)) {
            all = s.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path f : all) {
            Files.deleteIfExists(f);
        }
    }

    /**
     * Thaws {@code cg} when it is frozen. A cgroup without a freezer cannot be frozen, so there is nothing to thaw:
     * berth killed while it created a container's cgroups leaves it in some v1 hierarchies only (found by
     * LaunchKillIT: {@code rm -f} failed with "no freezer for this cgroup" and the leftover could not be removed).
     */
    private static void thawIfFrozen(Cgroup cg) throws CgroupException {
        FreezerState state;
        try {
            state = cg.readFreezerState();
        } catch (ControllerUnavailableException e) {
            return;
        }
        if (state != FreezerState.THAWED) {
            cg.thaw(CgroupControl.DEFAULT_TIMEOUT);
        }
    }
}
