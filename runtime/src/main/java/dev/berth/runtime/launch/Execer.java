package dev.berth.runtime.launch;

import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.CgroupFs;
import dev.berth.runtime.ContainerName;
import dev.berth.runtime.rootfs.RootfsException;
import dev.berth.runtime.rootfs.UserResolver;
import dev.berth.runtime.state.ContainerRecord;
import dev.berth.runtime.state.CorruptStateException;
import dev.berth.runtime.state.ProcessProbe;
import dev.berth.runtime.state.StateStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Runs a command inside a running container: the helper joins the ipc, uts, net, pid and mount
 * namespaces of the container's init (setns, in that order), forks the process, which berth puts
 * into the container's cgroups before releasing it, exactly as for {@code run}.
 */
public final class Execer {
    private final CgroupFs cgroups;
    private final HelperBinary helper;
    private final StateStore store;
    private final ProcessProbe processes;

    public Execer(CgroupFs cgroups, HelperBinary helper, StateStore store, ProcessProbe processes) {
        this.cgroups = cgroups;
        this.helper = helper;
        this.store = store;
        this.processes = processes;
    }

    /**
     * Runs {@code spec} in container {@code name} with berth's stdio and returns its exit status.
     *
     * @throws LaunchException if there is no such running container or the command cannot start
     */
    public int exec(ContainerName name, ExecSpec spec) throws LaunchException, InterruptedException {
        Path helperPath = helper.require();
        if (spec.command().isEmpty() || spec.command().get(0).isEmpty()) {
            throw new LaunchException("no command given: put it after --, e.g. berth exec NAME -- sh");
        }
        ContainerRecord r = running(name);
        long pid = r.pid();
        Path root = Path.of("/proc", Long.toString(pid), "root");
        UserResolver.Ids ids;
        try {
            ids = new UserResolver(root).resolve(spec.user().or(() -> java.util.Optional.ofNullable(r.spec().user()))
                    .orElse(null));
        } catch (RootfsException e) {
            throw new LaunchException(e.getMessage(), e);
        }
        List<String> env = new ArrayList<>(r.spec().env());
        env.addAll(spec.env());
        String hostname = r.spec().hostname() != null ? r.spec().hostname() : name.value();
        HelperConfig hc = new HelperConfig().put("mode", "exec").put("target-pid", Long.toString(pid));
        hc.put("cwd", spec.workdir().or(() -> java.util.Optional.ofNullable(r.spec().workdir())).orElse("/"));
        Launcher.putProcess(hc, ids, spec.tty(), spec.interactive(),
                Launcher.environment(env, hostname, ids.home(), spec.tty()), List.of(), spec.command());
        hc.put("seccomp", seccompOf(r).toString());
        Path socket = store.containerDir(name).resolve("exec-" + UUID.randomUUID().toString().substring(0, 8) + ".sock");
        HelperSession session = HelperSession.start(helperPath, socket, hc, new StdioPlan.Attached(spec.interactive()));
        try {
            try {
                cgroups.cgroup(r.cgroupPath()).addProcess(session.childPid());
            } catch (CgroupException e) {
                throw new LaunchException("cannot move the process into cgroup " + r.cgroupPath() + ": " + e.getMessage(), e);
            }
            session.release();
        } catch (LaunchException e) {
            try {
                Launcher.stopHelper(session, processes);
            } catch (IOException ignored) {
                // reading /proc failed: the helper is closed, the process exits on its own
            }
            throw e;
        }
        try {
            return session.process().waitFor();
        } finally {
            session.close();
        }
    }

    /** The container's own profile, as {@code docker exec} applies it; the default for a record without one. */
    private static SeccompProfile seccompOf(ContainerRecord r) throws LaunchException {
        try {
            return SeccompProfile.fromRecorded(r.spec().seccomp());
        } catch (IllegalArgumentException e) {
            throw new LaunchException("the state of " + r.name() + ": " + e.getMessage() + "; remove it with: berth rm -f "
                    + r.name(), e);
        }
    }

    private ContainerRecord running(ContainerName name) throws LaunchException {
        try {
            ContainerRecord r = store.load(name)
                    .orElseThrow(() -> new LaunchException("no such container: " + name));
            if (!r.isActive() || r.pid() == null || !processes.isAlive(r.pid(), r.pidStartTime())) {
                throw new LaunchException("container " + name + " is not running");
            }
            return r;
        } catch (CorruptStateException e) {
            // as every other command says: the way out of a damaged state file (found by HostileInputIT)
            throw new LaunchException(e.getMessage() + "; remove it with: berth rm -f " + name, e);
        } catch (IOException e) {
            throw new LaunchException("cannot read the state of " + name + ": " + e.getMessage(), e);
        }
    }
}
