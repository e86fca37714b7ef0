package dev.berth.runtime.launch;

import dev.berth.cgroupctl.Cgroup;
import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.ControllerUnavailableException;
import dev.berth.cgroupctl.DeviceRule;
import dev.berth.runtime.ContainerId;
import dev.berth.runtime.ContainerName;
import dev.berth.runtime.RuntimeConfig;
import dev.berth.runtime.net.NetworkMode;
import dev.berth.runtime.net.VethNetwork;
import dev.berth.runtime.rootfs.ImageStore;
import dev.berth.runtime.rootfs.RootfsException;
import dev.berth.runtime.rootfs.UserResolver;
import dev.berth.runtime.state.ContainerRecord;
import dev.berth.runtime.state.NameInUseException;
import dev.berth.runtime.state.ProcessProbe;
import dev.berth.runtime.state.SpecSummary;
import dev.berth.runtime.state.StateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts containers: validates the spec, reserves the name in the state store, prepares the
 * rootfs, creates the cgroup with its limits, spawns the C helper, puts the blocked container
 * process into its cgroups (and network), then lets it exec. Any failure unwinds every step
 * ({@link Rollback}), so a failed start leaves nothing behind.
 *
 * <p>Thread-safety: instances hold only their collaborators and may be shared; each
 * {@link #start} is independent (names are reserved atomically by the state store).
 */
public final class Launcher {
    /** How long a failed start waits for its processes to go before removing the cgroup. */
    static final Duration KILL_TIMEOUT = Duration.ofSeconds(5);
    static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /**
     * The devices a container may use: runc's default allow-list ({@code AllowedDevices} in libcontainer's
     * specconv), which Docker applies to every container that is not {@code --privileged}. mknod of any node is
     * allowed (the node is useless without read or write), then read, write and mknod of /dev/null, zero, full,
     * random, urandom, tty, the pty slaves (136:*), /dev/ptmx (5:2) and /dev/net/tun (10:200).
     */
    static final List<DeviceRule> DEFAULT_DEVICES = List.of(
            DeviceRule.any(DeviceRule.Type.CHAR, "m"),
            DeviceRule.any(DeviceRule.Type.BLOCK, "m"),
            DeviceRule.character(1, 3, "rwm"),
            DeviceRule.character(1, 8, "rwm"),
            DeviceRule.character(1, 7, "rwm"),
            DeviceRule.character(5, 0, "rwm"),
            DeviceRule.character(1, 5, "rwm"),
            DeviceRule.character(1, 9, "rwm"),
            DeviceRule.characterMajor(136, "rwm"),
            DeviceRule.character(5, 2, "rwm"),
            DeviceRule.character(10, 200, "rwm"));

    private final RuntimeConfig config;
    private final CgroupFs cgroups;
    private final HelperBinary helper;
    private final StateStore store;
    private final VethNetwork veth;
    private final ImageStore images;
    private final ProcessProbe processes;
    private final InstantSource clock;

    public Launcher(RuntimeConfig config, CgroupFs cgroups, HelperBinary helper, StateStore store, VethNetwork veth,
            ProcessProbe processes, InstantSource clock) {
        this.config = config;
        this.cgroups = cgroups;
        this.helper = helper;
        this.store = store;
        this.veth = veth;
        this.images = new ImageStore(config.stateDir().resolve(dev.berth.runtime.state.StateReconciler.IMAGES_DIR));
        this.processes = processes;
        this.clock = clock;
    }

    /**
     * Starts {@code spec}. Returns once the user's command has been exec'd in its cgroups.
     *
     * @throws LaunchException with a one-line reason; nothing the attempt created is left
     */
    public RunningContainer start(LaunchSpec spec, LaunchHooks hooks) throws LaunchException {
        Path helperPath = helper.require();
        new SpecValidator().validate(spec);
        ContainerId id = ContainerId.random();
        ContainerName name = spec.name().orElse(ContainerName.forId(id));
        ImageStore.Resolved base;
        UserResolver.Ids ids;
        try {
            base = images.resolve(spec.rootfs());
            ids = new UserResolver(base.directory()).resolve(spec.user().orElse(null));
        } catch (RootfsException e) {
            throw new LaunchException(e.getMessage(), e);
        }
        boolean overlay = spec.overlay() || base.fromArchive();
        Path dir = store.containerDir(name);
        Path upper = overlay ? dir.resolve("upper") : null;
        Path work = overlay ? dir.resolve("work") : null;
        Path root = overlay ? dir.resolve("rootfs") : base.directory();
        String cgroupPath = config.cgroupPathOf(name);
        ContainerRecord record = ContainerRecord.created(name, id, summary(spec), cgroupPath, clock.instant(), root,
                upper, work, store.logPath(name));

        Rollback rollback = new Rollback();
        try {
            try {
                store.create(record);
            } catch (NameInUseException e) {
                throw new LaunchException("container name \"" + name + "\" is already in use (berth rm it first)", e);
            }
            rollback.push("remove the state of " + name, () -> store.delete(name));
            if (overlay) {
                for (Path p : List.of(upper, work, root)) {
                    Files.createDirectories(p);
                }
            }
            List<String> warnings = new ArrayList<>();
            Cgroup cgroup = createCgroup(cgroupPath, spec, rollback, warnings);
            HelperConfig hc = helperConfig(spec, name, ids, base.directory(), overlay ? root : null, upper, work, dir);
            // the helper attaches the device program before the container process exists
            cgroup.cgroup2Directory().ifPresent(d -> putDeviceProgram(hc, d));
            StdioPlan io = spec.detached() ? new StdioPlan.Detached(store.logPath(name))
                    : new StdioPlan.Attached(spec.interactive());
            HelperSession session = HelperSession.start(helperPath, socketPath(dir), hc, io);
            rollback.push("stop berth-helper", () -> stopHelper(session, processes));
            long pid = session.childPid();
            hooks.blocked(session.process().toHandle(), pid);
            join(cgroup, pid);
            record = record.withPid(pid, processes.startTime(pid).orElse(null));
            store.save(record);
            if (spec.network() == NetworkMode.VETH) {
                String hostIf = VethNetwork.hostInterfaceName(name.value());
                try {
                    veth.create(hostIf, pid, spec.ip());
                } catch (IOException e) {
                    throw new LaunchException("cannot create the veth pair: " + e.getMessage(), e);
                }
                rollback.push("delete veth " + hostIf, () -> veth.delete(hostIf));
            }
            session.release();
            record = record.running(clock.instant());
            store.save(record);
            rollback.commit();
            if (spec.detached()) {
                session.close(); // the helper carries on as the container's monitor
            }
            return new RunningContainer(record, session, cgroups, store, clock, spec.autoRemove(), warnings);
        } catch (LaunchException e) {
            throw rollback.unwind(e);
        } catch (IOException e) {
            throw rollback.unwind(new LaunchException("cannot record the container's state: " + e.getMessage(), e));
        } catch (RuntimeException e) {
            rollback.run();
            throw e;
        }
    }

    private Cgroup createCgroup(String path, LaunchSpec spec, Rollback rollback, List<String> warnings)
            throws LaunchException {
        Cgroup cgroup;
        try {
            cgroup = cgroups.create(path);
        } catch (CgroupException e) {
            throw new LaunchException("cannot create cgroup " + path + ": " + e.getMessage(), e);
        }
        rollback.push("remove cgroup " + path, () -> removeCgroup(cgroups, path));
        try {
            cgroup.writeDevicesAllowList(DEFAULT_DEVICES);
        } catch (ControllerUnavailableException e) {
            // cgroup v2: the helper's BPF program is the allow-list; with neither, start and say so every time
            if (cgroup.cgroup2Directory().isEmpty()) {
                warnings.add("the device allow-list is not enforced (" + e.getMessage() + ", and the cgroup has no "
                        + "cgroup2 directory for a BPF device program): the container can open any device node it "
                        + "creates with CAP_MKNOD, the host's disks included");
            }
        } catch (CgroupException e) {
            throw new LaunchException("cannot restrict the devices of cgroup " + path + ": " + e.getMessage(), e);
        }
        try {
            if (!spec.resources().isEmpty()) {
                cgroup.apply(spec.resources());
            }
        } catch (CgroupException e) {
            throw new LaunchException("limit refused: " + e.getMessage(), e);
        }
        return cgroup;
    }

    private static void join(Cgroup cgroup, long pid) throws LaunchException {
        try {
            cgroup.addProcess(pid);
        } catch (CgroupException e) {
            // the helper and its child died between spawn and here (killed, or out of memory)
            throw new LaunchException("cannot move the container process into cgroup " + cgroup.path() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Kills whatever is left in {@code path} and removes it in every hierarchy. */
    static void removeCgroup(CgroupFs cgroups, String path) throws CgroupException {
        Cgroup c = cgroups.cgroup(path);
        if (!c.exists()) {
            return;
        }
        if (!c.readProcs().isEmpty()) {
            c.killAll(KILL_TIMEOUT);
        }
        cgroups.remove(path);
    }

    /** Aborts a start: closing the socket makes the blocked child read EOF and exit, then the helper exits. */
    static void stopHelper(HelperSession session, ProcessProbe processes) throws InterruptedException, IOException {
        session.close();
        Process p = session.process();
        if (!p.waitFor(KILL_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            ProcessHandle.of(session.childPid()).ifPresent(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(KILL_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        // The child is reaped by the helper; if the helper was killed, by init, which may take its
        // time (seconds, on some VMs' inits). A zombie has already left its namespaces and cgroups,
        // so waiting until the child is gone or a zombie is enough to remove the cgroup next.
        long deadline = System.nanoTime() + KILL_TIMEOUT.toNanos();
        while (isRunning(processes, session.childPid()) && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
    }

    /** Whether {@code pid} exists and is not a zombie. */
    static boolean isRunning(ProcessProbe processes, long pid) throws IOException {
        return processes.stat(pid).map(s -> s.state() != 'Z').orElse(false);
    }

    private static Path socketPath(Path dir) throws LaunchException {
        Path p = dir.resolve("helper.sock");
        // sockaddr_un.sun_path holds 108 bytes including the NUL
        if (p.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 107) {
            throw new LaunchException("state directory path too long for a unix socket: " + p);
        }
        return p;
    }

    private HelperConfig helperConfig(LaunchSpec spec, ContainerName name, UserResolver.Ids ids, Path lower,
            Path merged, Path upper, Path work, Path dir) {
        HelperConfig hc = new HelperConfig().put("mode", "run");
        if (merged != null) {
            hc.put("overlay", lower.toString(), upper.toString(), work.toString(), merged.toString());
        } else {
            hc.put("root", lower.toString());
        }
        String hostname = spec.hostname().orElse(name.value());
        hc.put("hostname", hostname);
        hc.put("net", spec.network().toString());
        if (spec.detached()) {
            hc.put("exit-file", dir.resolve(StateStore.EXIT_STATUS_FILE).toString());
        }
        hc.put("cwd", spec.workdir().orElse("/"));
        for (Volume v : spec.volumes()) {
            hc.put("bind", v.host().toString(), v.container(), v.readOnly() ? "ro" : "rw");
        }
        putProcess(hc, ids, spec.tty(), spec.interactive(),
                environment(spec.env(), hostname, ids.home(), spec.tty()), spec.ulimits(), spec.command());
        hc.put("seccomp", spec.seccomp().toString());
        return hc;
    }

    /**
     * The device allow-list as a BPF program for the helper to attach to the cgroup2 directory {@code dir}: the
     * whole list on cgroup v2, which has no devices files; on a hybrid host a second lock beside the v1 list (both
     * must allow an open), which is also what lets this host test the program.
     */
    private static void putDeviceProgram(HelperConfig hc, Path dir) {
        hc.put("device-bpf", dir.toString());
        for (DeviceRule r : DEFAULT_DEVICES) {
            hc.put("device-rule", String.valueOf(r.type().letter()),
                    r.major().isPresent() ? Integer.toString(r.major().getAsInt()) : "*",
                    r.minor().isPresent() ? Integer.toString(r.minor().getAsInt()) : "*", r.access());
        }
    }

    /** The parts a run and an exec share: identity, stdio, environment, rlimits, argv. */
    static void putProcess(HelperConfig hc, UserResolver.Ids ids, boolean tty, boolean interactive, List<String> env,
            List<Ulimit> ulimits, List<String> command) {
        hc.put("uid", Integer.toString(ids.uid())).put("gid", Integer.toString(ids.gid()));
        hc.put("tty", tty ? "1" : "0").put("interactive", interactive ? "1" : "0");
        env.forEach(e -> hc.put("env", e));
        Map<String, Ulimit> limits = new LinkedHashMap<>();
        limits.put(Ulimit.DEFAULT_NOFILE.name(), Ulimit.DEFAULT_NOFILE);
        ulimits.forEach(u -> limits.put(u.name(), u));
        for (Ulimit u : limits.values()) {
            hc.put("rlimit", u.name(), Ulimit.wire(u.soft()), Ulimit.wire(u.hard()));
        }
        command.forEach(a -> hc.put("arg", a));
    }

    /** Docker's defaults (PATH, HOSTNAME, HOME, TERM with a tty), then the user's entries over them. */
    static List<String> environment(List<String> user, String hostname, String home, boolean tty) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", DEFAULT_PATH);
        env.put("HOSTNAME", hostname);
        env.put("HOME", home);
        if (tty) {
            env.put("TERM", "xterm");
        }
        for (String e : user) {
            int eq = e.indexOf('=');
            env.put(e.substring(0, eq), e.substring(eq + 1));
        }
        return env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    private static SpecSummary summary(LaunchSpec s) {
        return new SpecSummary(s.command(), s.rootfs().toString(), s.overlay(), s.hostname().orElse(null),
                s.network().toString(), s.ip().map(Object::toString).orElse(null), s.user().orElse(null),
                s.workdir().orElse(null), s.env(), s.volumes().stream().map(Volume::toString).toList(), s.tty(),
                s.detached(), s.limitsAsGiven(), s.seccomp().toString());
    }

    /** The state store this launcher records into. */
    public StateStore store() {
        return store;
    }
}
