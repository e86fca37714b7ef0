package dev.berth.ops;

import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.CgroupFsProbe;
import dev.berth.cgroupctl.CgroupFsProber;
import dev.berth.cgroupctl.NotCgroupFsException;
import dev.berth.collectors.Collector;
import dev.berth.collectors.ContainerDiscovery;
import dev.berth.collectors.ContainerIdentity;
import dev.berth.collectors.ContainerSampler;
import dev.berth.collectors.LimitChangeMarker;
import dev.berth.collectors.discovery.RuntimeNames;
import dev.berth.collectors.proc.Auxv;
import dev.berth.runtime.control.ProcessSignaller;
import dev.berth.runtime.state.ProcessProbe;
import dev.berth.runtime.state.StateStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.function.Supplier;

/**
 * One host, wired once for every front end (CLI, shell, console, recorder, exporter, replay): it probes the
 * cgroup filesystems once ({@link CgroupFsProber}) and builds the collector, the limits reader, the container
 * verbs ({@link Containers}: state store, lifecycle, cgroup control, launcher, resolvers) from that one probe.
 *
 * <p>Everything is built on first use, so that a command pays only for what it uses: {@code ps} never loads the
 * runtime's signalling, {@code run} never walks the cgroup tree, and the console draws its first frame before
 * the probe (its sampler thread asks for the collector, its actions thread for the verbs; both get the same
 * probe). Thread-safe: the parts are built under this object's lock.
 */
public final class Host {
    /** Probes the cgroup filesystems; {@link CgroupFsProber#probe()} on a real host. */
    @FunctionalInterface
    public interface Prober {
        CgroupFsProbe probe() throws NotCgroupFsException;
    }

    private final HostConfig config;
    private final Prober prober;
    private final InstantSource clock;
    private final ActionListener listener;
    private final Supplier<ProcessSignaller> signaller;
    private CgroupFs fs;
    private NotCgroupFsException probeFailure;
    private int probes;
    private Containers containers;

    /**
     * A host whose parts are built on first use, with every container verb reported to {@code listener}.
     *
     * @param prober the cgroup probe (called at most once)
     * @param signaller builds the process signaller the verbs use (called at most once, at the first verb)
     */
    public Host(HostConfig config, Prober prober, InstantSource clock, ActionListener listener,
            Supplier<ProcessSignaller> signaller) {
        this.config = config;
        this.prober = prober;
        this.clock = clock;
        this.listener = listener;
        this.signaller = signaller;
    }

    /** The host at {@code config}'s roots, with the system clock and POSIX signals; nothing is probed yet. */
    public static Host open(HostConfig config, ActionListener listener) {
        CgroupFsProber prober = new CgroupFsProber(config.procfs(), config.sysfs());
        return new Host(config, prober::probe, InstantSource.system(), listener, LazySignaller::new);
    }

    /** As {@link #open(HostConfig, ActionListener)}, without an action listener. */
    public static Host open(HostConfig config) {
        return open(config, ActionListener.NONE);
    }

    public HostConfig config() {
        return config;
    }

    public InstantSource clock() {
        return clock;
    }

    /**
     * The cgroup filesystem, from the one probe of this host.
     *
     * @throws OperationFailedException if the host has no usable cgroup filesystem (the same answer every time)
     */
    public synchronized CgroupFs cgroupFs() throws OperationFailedException {
        if (fs == null && probeFailure == null) {
            probes++;
            try {
                fs = CgroupFs.open(prober.probe());
            } catch (NotCgroupFsException e) {
                probeFailure = e;
            }
        }
        if (probeFailure != null) {
            throw new OperationFailedException("no usable cgroup filesystem under " + config.sysfs() + " (procfs "
                    + config.procfs() + "): " + probeFailure.getMessage(), probeFailure);
        }
        return fs;
    }

    /** How many times this host has probed the cgroup filesystems: 0 or 1. For tests and the start-up log. */
    public synchronized int probeCount() {
        return probes;
    }

    /**
     * A new collector (it keeps the previous tick, so each sampling loop gets its own), recognising berth's own
     * containers under the configured cgroup parent, and reading limits again at the tick after any berth process
     * on this host changed some ({@link LimitChangeMarker} in the state directory).
     */
    public Collector newCollector() throws OperationFailedException {
        return newCollector(ContainerSampler.DEFAULT_LIMITS_PERIOD, ContainerSampler.DEFAULT_EVENTS_PERIOD);
    }

    /**
     * As {@link #newCollector()}, reading limits, and the OOM kill count with them, at most {@code limitsPeriod}
     * apart when no berth process changed them (the recorder's slow cadence).
     */
    public Collector newCollector(Duration limitsPeriod) throws OperationFailedException {
        return newCollector(limitsPeriod, limitsPeriod);
    }

    private Collector newCollector(Duration limitsPeriod, Duration eventsPeriod) throws OperationFailedException {
        Path auxv = Path.of("/proc/self/auxv"); // properties of the running kernel: the real procfs, always
        Collector c = new Collector(cgroupFs(), config.procfs(), config.sysfs(), new RuntimeNames(config.fsRoot()),
                config.runtime().cgroupParent(), clock,
                // 100 and 4096 are what every mainstream Linux ABI uses, for the odd JVM that cannot read auxv
                Auxv.read(auxv, Auxv.AT_CLKTCK).orElse(100), Auxv.read(auxv, Auxv.AT_PAGESZ).orElse(4096),
                limitsPeriod, eventsPeriod);
        // a limit changed by another berth process (a CLI set beside a running console) shows at the next tick
        c.watchLimitChanges(LimitChangeMarker.in(config.runtime().stateDir()));
        return c;
    }

    /** A discovery of containers as {@code berth ps} finds them (for resolving names and completing them). */
    ContainerDiscovery discovery() throws OperationFailedException {
        return new ContainerDiscovery(cgroupFs(), config.procfs(), new RuntimeNames(config.fsRoot()),
                config.runtime().cgroupParent());
    }

    /** The limits reader of the console's form and detail view. */
    public LimitsReader limitsReader() throws OperationFailedException {
        return new LimitsReader(cgroupFs());
    }

    /**
     * The names {@code berth ps} shows (running containers), for completion; empty when the host has no usable
     * cgroup filesystem (completion is no place for an error: the command reports it when run).
     */
    public List<String> containerNames() {
        try {
            return discovery().discover(false, warning -> { }).stream()
                    .map(ContainerIdentity::name).distinct().sorted().toList();
        } catch (OperationFailedException | CgroupException e) {
            return List.of();
        }
    }

    /**
     * A new lookup of container images (berth's {@code --rootfs}, docker's and podman's image names) for the
     * exporter's {@code image} label; it caches, so each sampling loop gets its own.
     */
    public ContainerImages newImages() {
        return new ContainerImages(new RuntimeNames(config.fsRoot()), store());
    }

    /** The state store of berth's own containers (no cgroup probe needed). */
    public StateStore store() {
        return new StateStore(config.runtime().stateDir());
    }

    /** The process probe over the configured procfs. */
    ProcessProbe processes() {
        return new ProcessProbe(config.procfs());
    }

    /**
     * The container verbs every front end calls. The first call also marks berth's containers whose process
     * died while no berth ran as exited.
     */
    public synchronized Containers containers() throws OperationFailedException {
        if (containers == null) {
            containers = new Containers(this, cgroupFs(), signaller.get(), listener);
        }
        return containers;
    }
}
