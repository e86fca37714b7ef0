package dev.berth.collectors;

import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.CgroupFsProber;
import dev.berth.collectors.discovery.CgroupClassifier;
import dev.berth.collectors.discovery.RuntimeNames;
import dev.berth.collectors.proc.Auxv;
import dev.berth.collectors.proc.BlockDevices;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The façade the console and the CLI use: one {@link #tick} discovers containers, samples them and the host, and
 * derives rates against the previous tick. Keeps the previous raw samples, nothing else.
 *
 * <p>A container that appears during a tick has no rates until the next one; one that vanishes is dropped from
 * the tick in which it vanished. Nothing a container does makes {@code tick} throw.
 *
 * <p><b>Not thread-safe</b>: call {@code tick} from one thread (the sampler thread) and hand the immutable
 * {@link Snapshot} to others.
 */
public final class Collector implements AutoCloseable {
    private final Path procfs;
    private final ContainerDiscovery discovery;
    private final ContainerSampler containers;
    private final HostSampler host;
    private final ProcessSampler processSampler;
    private final InstantSource clock;
    private LimitChangeMarker limitChanges;
    private boolean hostFilesUnreadable;
    private Instant previousAt;
    private HostSample previousHost;
    private Map<String, ContainerSample> previous = Map.of();
    private Map<String, List<ProcessSample>> previousProcesses = Map.of();
    private Map<String, Instant> previousProcessesAt = Map.of();

    /**
     * Wires a collector over explicit parts (tests, fixture trees).
     *
     * @param fs       the cgroup filesystem
     * @param procfs   procfs root
     * @param sysfs    sysfs root
     * @param names    docker/podman name lookup
     * @param clock    the clock all samples are stamped with
     * @param hz       USER_HZ
     * @param pageSize bytes per page
     */
    public Collector(CgroupFs fs, Path procfs, Path sysfs, RuntimeNames names, InstantSource clock, long hz,
            long pageSize) {
        this(fs, procfs, sysfs, names, CgroupClassifier.DEFAULT_BERTH_PARENT, clock, hz, pageSize);
    }

    /**
     * As {@link #Collector(CgroupFs, Path, Path, RuntimeNames, InstantSource, long, long)}, with berth's
     * {@code --cgroup-parent} ("/"-rooted) for recognising berth's own containers.
     */
    public Collector(CgroupFs fs, Path procfs, Path sysfs, RuntimeNames names, String berthParent,
            InstantSource clock, long hz, long pageSize) {
        this(fs, procfs, sysfs, names, berthParent, clock, hz, pageSize, ContainerSampler.DEFAULT_LIMITS_PERIOD,
                ContainerSampler.DEFAULT_EVENTS_PERIOD);
    }

    /**
     * As {@link #Collector(CgroupFs, Path, Path, RuntimeNames, String, InstantSource, long, long)}, reading each
     * container's limits at most {@code limitsPeriod} apart (and at the tick after an invalidation) rather than
     * {@link ContainerSampler#DEFAULT_LIMITS_PERIOD}, with the OOM kill count: the recorder, which samples less
     * often than the console, uses a longer one.
     */
    public Collector(CgroupFs fs, Path procfs, Path sysfs, RuntimeNames names, String berthParent,
            InstantSource clock, long hz, long pageSize, Duration limitsPeriod) {
        this(fs, procfs, sysfs, names, berthParent, clock, hz, pageSize, limitsPeriod, limitsPeriod);
    }

    /**
     * As {@link #Collector(CgroupFs, Path, Path, RuntimeNames, String, InstantSource, long, long, Duration)}, with the
     * OOM kill count read at most {@code eventsPeriod} apart (the console's 10 s beside its 30 s limits).
     */
    public Collector(CgroupFs fs, Path procfs, Path sysfs, RuntimeNames names, String berthParent,
            InstantSource clock, long hz, long pageSize, Duration limitsPeriod, Duration eventsPeriod) {
        BlockDevices devices = new BlockDevices(sysfs);
        this.procfs = procfs;
        this.clock = clock;
        this.processSampler = new ProcessSampler(procfs, hz, pageSize);
        this.discovery = new ContainerDiscovery(fs, procfs, names, berthParent, clock,
                ContainerDiscovery.DEFAULT_FULL_WALK_PERIOD);
        this.containers = new ContainerSampler(fs, procfs, devices, clock, limitsPeriod, eventsPeriod);
        discovery.useCpuTimes(containers::lastCpuTimeUsec);
        this.host = new HostSampler(procfs, devices, processSampler, clock);
    }

    /**
     * A collector for a host whose procfs and sysfs are mounted at the given roots: probes the cgroup layout,
     * takes docker/podman names from under {@code fsRoot}, and USER_HZ and the page size from berth's own
     * auxiliary vector ({@code /proc/self/auxv}: properties of the running kernel, so it is read from the real
     * procfs even when {@code procfs} is a fixture tree).
     *
     * @param procfs procfs root, normally {@code /proc}
     * @param sysfs  sysfs root, normally {@code /sys}
     * @param fsRoot root under which {@code var/lib/docker} and {@code var/lib/containers} are, normally {@code /}
     * @param clock  the clock samples are stamped with
     * @throws CgroupException when no usable cgroup filesystem is found
     */
    public static Collector forHost(Path procfs, Path sysfs, Path fsRoot, InstantSource clock)
            throws CgroupException {
        return forHost(procfs, sysfs, fsRoot, CgroupClassifier.DEFAULT_BERTH_PARENT, clock);
    }

    /**
     * As {@link #forHost(Path, Path, Path, InstantSource)}, with berth's {@code --cgroup-parent} ("/"-rooted, e.g.
     * {@code /berth}) so that berth's own containers are recognised wherever the runtime puts them.
     *
     * @throws CgroupException when no usable cgroup filesystem is found
     */
    public static Collector forHost(Path procfs, Path sysfs, Path fsRoot, String berthParent, InstantSource clock)
            throws CgroupException {
        CgroupFs fs = CgroupFs.open(new CgroupFsProber(procfs, sysfs).probe());
        return new Collector(fs, procfs, sysfs, new RuntimeNames(fsRoot), berthParent, clock,
                // 100 and 4096 are what every mainstream Linux ABI uses, for the odd JVM that cannot read auxv.
                Auxv.read(Path.of("/proc/self/auxv"), Auxv.AT_CLKTCK).orElse(100),
                Auxv.read(Path.of("/proc/self/auxv"), Auxv.AT_PAGESZ).orElse(4096));
    }

    /** Closes the files the samplers keep open. The collector may tick again afterwards (it re-opens them). */
    @Override
    public void close() {
        containers.close();
        discovery.close();
        host.close();
    }

    /** procfs root this collector reads. */
    public Path procfs() {
        return procfs;
    }

    /**
     * Makes the next tick read the limits of {@code cgroup} again rather than use those read less than one
     * slow-cadence period ago ({@link ContainerSampler#DEFAULT_LIMITS_PERIOD}). Call it after changing them, so that
     * the change shows at once. Thread-safe: a front end's action thread may call it while another thread ticks.
     *
     * @param cgroup the cgroup path, as in {@link ContainerIdentity#cgroup()}
     */
    public void invalidateLimits(String cgroup) {
        containers.invalidateLimits(cgroup);
    }

    /**
     * Container read problems since this collector was made, by kind (see {@link ContainerSampler#readErrors()}).
     * Call it from the thread that ticks.
     *
     * @return a copy; kinds never seen are absent
     */
    public Map<ReadErrorKind, Long> readErrors() {
        return containers.readErrors();
    }

    /**
     * Makes each tick look at {@code marker} (one {@code stat}) and read every container's limits again when it
     * moved, so that a limit changed by another berth process shows at the next tick. Call before ticking.
     */
    public void watchLimitChanges(LimitChangeMarker marker) {
        this.limitChanges = marker;
    }

    /**
     * The raw samples of the last {@link #tick}, sorted by cgroup path; empty before the first tick. The recorder
     * stores these (never the derived models).
     */
    public Optional<Samples> lastSamples() {
        if (previousHost == null) {
            return Optional.empty();
        }
        List<ContainerSample> list = new ArrayList<>(previous.values());
        list.sort(Comparator.comparing(c -> c.identity().cgroup()));
        return Optional.of(new Samples(previousAt, previousHost, list));
    }

    /**
     * Whether a host file ({@code stat}, {@code meminfo}, {@code loadavg}, {@code diskstats}, {@code net/dev} of the
     * procfs, or its process list when asked for) could not be read at any tick so far: its figures were missing,
     * and the tick's warnings said why. The CLI's one-shot commands exit 1 after printing what they could.
     */
    public boolean hostFilesUnreadable() {
        return hostFilesUnreadable;
    }

    /** One tick: discover, sample, derive. Never throws for anything a container does. */
    public Snapshot tick(TickOptions options) {
        List<String> warnings = new ArrayList<>();
        Instant at = clock.instant();
        Optional<Duration> elapsed = previousAt == null ? Optional.empty()
                : Optional.of(Duration.between(previousAt, at));
        Duration dt = elapsed.orElse(Duration.ZERO);
        List<ContainerModel> models = new ArrayList<>();
        Map<String, ContainerSample> before = previous;
        // Rates use each counter's own read times, not the tick's, so a slow tick does not skew them.
        Map<String, ContainerSample> current = sampleContainers(options, warnings::add,
                s -> models.add(ContainerModel.derive(Optional.ofNullable(before.get(s.identity().cgroup())), s)));
        Map<String, List<ProcessModel>> procs = new HashMap<>();
        Map<String, List<ProcessSample>> procSamples = new HashMap<>();
        Map<String, Instant> procTimes = new HashMap<>();
        for (ContainerModel m : models) {
            if (options.processesOf().contains(m.identity().cgroup())) {
                Instant readAt = clock.instant();
                List<ProcessSample> now = processSampler.sample(m.identity().pids());
                Instant procsBefore = previousProcessesAt.get(m.identity().cgroup());
                procSamples.put(m.identity().cgroup(), now);
                procTimes.put(m.identity().cgroup(), readAt);
                procs.put(m.identity().cgroup(), ProcessModel.derive(
                        previousProcesses.getOrDefault(m.identity().cgroup(), List.of()), now,
                        procsBefore == null ? dt : Duration.between(procsBefore, readAt)));
            }
        }
        HostSample hs = sampleHost(options, at, warnings::add);
        HostModel hm = HostModel.derive(Optional.ofNullable(previousHost), hs);
        previousAt = at;
        previousHost = hs;
        previous = current;
        previousProcesses = procSamples;
        previousProcessesAt = procTimes;
        return new Snapshot(at, elapsed, hm, models, procs, warnings);
    }

    /**
     * One tick without the models: discovers and samples as {@link #tick} does, and keeps the raw samples as the
     * last tick's (a later {@link #tick} derives against them), but derives no rates and samples no container's
     * processes ({@link TickOptions#processesOf()} is ignored: they are not part of {@link Samples}). What the
     * recorder does when nothing else wants the tick's {@link Snapshot}: it stores raw samples only, and deriving a
     * model per container per tick was a tenth of what it allocated (bench/history/RESULTS.txt).
     *
     * @param warnings where read problems go, as the {@link Snapshot#warnings()} of a tick
     * @return the raw samples, as {@link #lastSamples()} then returns them
     */
    public Samples sample(TickOptions options, Consumer<String> warnings) {
        Instant at = clock.instant();
        Map<String, ContainerSample> current = sampleContainers(options, warnings, s -> { });
        HostSample hs = sampleHost(options, at, warnings);
        previousAt = at;
        previousHost = hs;
        previous = current;
        previousProcesses = Map.of();
        previousProcessesAt = Map.of();
        return lastSamples().orElseThrow();
    }

    /** The host's sample, or one with every figure unavailable when the options read no host file. */
    private HostSample sampleHost(TickOptions options, Instant at, Consumer<String> warnings) {
        if (!options.host()) {
            return new HostSample(at, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty());
        }
        return host.sample(options.hostProcesses(), w -> {
            hostFilesUnreadable = true;
            warnings.accept(w);
        });
    }

    /**
     * Discovers the containers and samples each, handing every sample to {@code sampled} in discovery order.
     *
     * @return the samples by cgroup path, in discovery order (by cgroup path)
     */
    private Map<String, ContainerSample> sampleContainers(TickOptions options, Consumer<String> warnings,
            Consumer<ContainerSample> sampled) {
        List<ContainerIdentity> ids = List.of();
        // (a tick of host figures alone reads no limit: the marker is looked at when containers are sampled again)
        if (options.containers() && limitChanges != null && limitChanges.changedSinceLastLook()) {
            containers.invalidateAllLimits();
        }
        if (options.containers()) {
            try {
                ids = discovery.discover(options.allCgroups(), warnings);
            } catch (CgroupException e) {
                warnings.accept(e.getMessage());
            }
        }
        Map<String, ContainerSample> current = new LinkedHashMap<>();
        containers.beginTick();
        for (ContainerIdentity id : ids) {
            Optional<ContainerSample> s = containers.sample(id, warnings, discovery.pidsCurrent(id.cgroup()));
            if (s.isEmpty()) {
                continue;
            }
            current.put(id.cgroup(), s.get());
            sampled.accept(s.get());
        }
        containers.endTick();
        return current;
    }
}
