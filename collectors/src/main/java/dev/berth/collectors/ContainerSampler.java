package dev.berth.collectors;

import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.CgroupGoneException;
import dev.berth.cgroupctl.CgroupReadException;
import dev.berth.cgroupctl.ControllerUnavailableException;
import dev.berth.cgroupctl.CpuMax;
import dev.berth.cgroupctl.CpuStat;
import dev.berth.cgroupctl.CpuThrottling;
import dev.berth.cgroupctl.CpuUsage;
import dev.berth.cgroupctl.CpuWeight;
import dev.berth.cgroupctl.FreezerState;
import dev.berth.cgroupctl.IoDeviceStat;
import dev.berth.cgroupctl.IoStat;
import dev.berth.cgroupctl.KernelFile;
import dev.berth.cgroupctl.Limit;
import dev.berth.cgroupctl.MalformedCgroupFileException;
import dev.berth.cgroupctl.MemoryCurrent;
import dev.berth.cgroupctl.MemoryEvents;
import dev.berth.cgroupctl.MemoryLimits;
import dev.berth.cgroupctl.MemoryStat;
import dev.berth.cgroupctl.OpenCgroup;
import dev.berth.cgroupctl.Pressure;
import dev.berth.cgroupctl.PressureResource;
import dev.berth.cgroupctl.format.FlatKeyedFormat;
import dev.berth.collectors.proc.BlockDevices;
import dev.berth.collectors.proc.NetDevCounters;
import dev.berth.collectors.proc.ProcParseException;
import dev.berth.collectors.proc.ProcParsers;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Reads the raw counters of one container through cgroupctl, plus its namespace's {@code net/dev}.
 *
 * <p>Cost, per container and tick: each cgroup is held as an {@link OpenCgroup} whose counter files stay open and
 * are re-read with {@code pread} and parsed in place; which hierarchies and optional files a cgroup has, and which
 * controllers are unavailable to it, are looked up when it is opened, i.e. when it appears, gets its first members,
 * loses its last, or is made again at the same path (a member list that changes otherwise, as a build's or a login
 * session's does every tick, keeps what is open and known). Limits ({@code cpu.max}, {@code memory.max}, {@code pids.max}) are read on a slow cadence, at
 * most {@code limitsPeriod} apart, the OOM kill count ({@code memory.events}, v1 {@code memory.oom_control}) at most
 * {@code eventsPeriod} apart, both at once after {@link #invalidateLimits(String)} (a {@code set} from any front end),
 * and on every open. {@code net/dev} is read once per network namespace per tick, whichever container shares it.
 *
 * <p>Idle cgroups: each tick reads the CPU time and the memory in use first. When neither moved since the last
 * tick, nor the members, the cgroup's tasks did not run, and the files that only its running tasks move are not read
 * again but carried from the last full read: {@code memory.stat}, {@code pids.current}, the OOM kill count and,
 * on v1, the IO counters ({@link dev.berth.cgroupctl.Cgroup#ioMovesOnlyWhileRunning()}: v2 charges writeback to the
 * cgroup while none of its tasks runs, so its {@code io.stat} is read every tick). The pressure files, the freezer
 * state and the network are read every tick (a stalled task accrues pressure without running; another tool may
 * freeze a cgroup whose tasks are stopped, which does not make them run; packets arrive without it). A
 * carried value is read again at most {@code eventsPeriod} after the last full read (spread like the limits), at
 * the next tick after {@link #invalidateLimits(String)} or {@link #invalidateAllLimits()} (a {@code set} from any
 * front end), and whenever the last full read warned. What this can show late, by at most that period: page aging
 * of a cgroup that does not run (its working set, as the kernel moves its pages between the active and inactive
 * lists without charging or freeing any). The first reads of a tick are the CPU time and the memory in use alone
 * (on v1 without the throttling counters and the swap, which a cgroup that ran then reads): on v1 an idle cgroup
 * costs 3 reads per tick instead of 9, and {@code memory.stat}, the dearest file to the kernel, is off its
 * per-tick path.
 *
 * <p>Exact rates: the clock is read right before the counter file it stamps
 * ({@link ContainerSample.ReadTimes}), once that file is open and the code path warm (a cgroup's counter files are
 * read once, untimed, when it is opened), so no open, parse or class loading sits between a timestamp and its read.
 *
 * <p>Failure policy, per value: a controller that is not there ({@link ControllerUnavailableException}: the cgroup
 * is not in the memory hierarchy, PSI is off, the root has no limits) gives an empty value, silently, and is not
 * asked again until the cgroup is re-opened; any other read problem gives an empty value and a warning. A cgroup
 * that vanishes during the sample ({@link CgroupGoneException}) gives no sample at all, so a row is never
 * half-filled with the data of a dead container.
 *
 * <p>Not thread-safe (it holds the open cgroups), except {@link #invalidateLimits(String)}: one sampling thread.
 */
public final class ContainerSampler implements AutoCloseable {
    /** How long a limit read is used before it is read again, unless invalidated. */
    public static final Duration DEFAULT_LIMITS_PERIOD = Duration.ofSeconds(30);

    /**
     * How often the memory events (the OOM kill count, v2's limit hits) are read between two limit reads, by
     * default: a new OOM kill shows within 10 s, a limit changed by another tool ({@code docker update}) within
     * {@link #DEFAULT_LIMITS_PERIOD}. The limits were read every 10 s too: 11 files opened, read and closed per
     * container (v1), 18 % of the console's CPU at 500 cgroups (peers harness window: 60.8 -> 49.7 ms/s).
     */
    public static final Duration DEFAULT_EVENTS_PERIOD = Duration.ofSeconds(10);

    /** The {@code memory.stat} keys a sample uses (v2 names, then v1 hierarchical, then v1 own). */
    private static final FlatKeyedFormat.Keys MEMORY_STAT_KEYS = new FlatKeyedFormat.Keys("anon", "file",
            "inactive_file", "total_rss", "total_cache", "total_inactive_file", "rss", "cache");

    private final CgroupFs fs;
    private final Path procfs;
    private final BlockDevices blockDevices;
    private final InstantSource clock;
    private final Duration limitsPeriod;
    private final Duration eventsPeriod;
    private final Map<String, Held> held = new HashMap<>();
    private final Set<String> invalidated = ConcurrentHashMap.newKeySet();
    private final Map<Long, NetRead> netThisTick = new HashMap<>();
    private final Map<ReadErrorKind, Long> readErrors = new EnumMap<>(ReadErrorKind.class);
    /** The errors of the container being sampled, counted only if it is still there (as its warnings). */
    private final Map<ReadErrorKind, Long> pendingErrors = new EnumMap<>(ReadErrorKind.class);

    /** The parts of a sample, for remembering which ones a cgroup does not have. */
    private enum Part { CPU, CPU_THROTTLING, MEMORY, MEMORY_STAT, MEMORY_EVENTS, IO, PIDS, CPU_PSI, MEMORY_PSI, IO_PSI, FREEZER,
        CPU_MAX, MEMORY_LIMIT, PIDS_MAX, CPU_WEIGHT, CREATED }

    /** One container's open cgroup and what is known about it until it starts or ends (see the class comment). */
    private static final class Held {
        final OpenCgroup cgroup;
        List<Long> pids;
        final EnumSet<Part> unavailable = EnumSet.noneOf(Part.class);
        Instant limitsDue;
        Instant eventsDue;
        /** v2: the limit hits are memory.events "max", read with the events; v1 reads memory.failcnt with limits */
        boolean hitsFromEvents;
        Optional<CpuMax> cpuMax = Optional.empty();
        Optional<Limit> memoryLimit = Optional.empty();
        Optional<Limit> pidsLimit = Optional.empty();
        OptionalLong oomKills = OptionalLong.empty();
        ContainerSample.Spec spec = ContainerSample.Spec.UNKNOWN;
        boolean seen;
        /** The last full read's values of the files an idle tick skips; null when the next tick must read them. */
        Carried carried;
        /** When the carried values are read again, however idle the cgroup stays. */
        Instant fullDue;

        Held(OpenCgroup cgroup, List<Long> pids) {
            this.cgroup = cgroup;
            this.pids = pids;
        }
    }

    /**
     * What the last full read found in the files an idle tick skips, with the CPU time and memory it compares
     * (those of its first reads, {@link dev.berth.cgroupctl.Cgroup#readCpuUsageFirst()} and
     * {@link dev.berth.cgroupctl.Cgroup#readMemoryUsageBytes()}).
     */
    private record Carried(long usageUsec, long memoryBytes, Optional<CpuThrottling> throttling,
            Optional<MemoryCurrent> memory, Optional<MemoryStat> stat, Optional<List<ContainerSample.IoDevice>> io,
            Optional<Long> pids) {
    }

    /** One namespace's {@code net/dev}, read once per tick. */
    private record NetRead(Instant at, Optional<List<NetDevCounters>> counters) {
    }

    /**
     * @param fs           the cgroup filesystem
     * @param procfs       procfs root, for {@code <pid>/net/dev}
     * @param blockDevices whole-disk rule
     * @param clock        timestamps
     */
    public ContainerSampler(CgroupFs fs, Path procfs, BlockDevices blockDevices, InstantSource clock) {
        this(fs, procfs, blockDevices, clock, DEFAULT_LIMITS_PERIOD, DEFAULT_EVENTS_PERIOD);
    }

    /**
     * The memory events read with the limits, {@code limitsPeriod} apart.
     *
     * @param limitsPeriod the slow cadence: the longest a limit read is shown before it is read again
     */
    public ContainerSampler(CgroupFs fs, Path procfs, BlockDevices blockDevices, InstantSource clock,
            Duration limitsPeriod) {
        this(fs, procfs, blockDevices, clock, limitsPeriod, limitsPeriod);
    }

    /**
     * @param limitsPeriod the slow cadence: the longest a limit read is shown before it is read again
     * @param eventsPeriod the longest the OOM kill count (and v2's limit hits), and an idle cgroup's carried values
     *                     (see the class comment), are shown before they are read again; at most
     *                     {@code limitsPeriod} (they are read with the limits too)
     */
    public ContainerSampler(CgroupFs fs, Path procfs, BlockDevices blockDevices, InstantSource clock,
            Duration limitsPeriod, Duration eventsPeriod) {
        this.fs = fs;
        this.procfs = procfs;
        this.blockDevices = blockDevices;
        this.clock = clock;
        this.limitsPeriod = limitsPeriod;
        this.eventsPeriod = eventsPeriod.compareTo(limitsPeriod) < 0 ? eventsPeriod : limitsPeriod;
    }

    private interface Read<T> {
        T read() throws CgroupException;
    }

    /**
     * Makes the next sample of {@code cgroup} read its limits again instead of using the ones read less than one
     * slow-cadence period ago, and every file an idle tick would carry: call it after changing them
     * ({@code berth set}, the console's limits dialog). Thread-safe.
     *
     * @param cgroup the cgroup path, as in {@link ContainerIdentity#cgroup()}
     */
    public void invalidateLimits(String cgroup) {
        invalidated.add(cgroup);
    }

    /**
     * Makes the next sample of every held cgroup read its limits again, and every file an idle tick would carry
     * (another process changed some limits, and did not say which). Call it from the sampling thread.
     */
    public void invalidateAllLimits() {
        for (Held h : held.values()) {
            h.limitsDue = null;
            h.carried = null;
        }
    }

    /** Starts a tick: forgets the previous tick's per-namespace reads. */
    public void beginTick() {
        netThisTick.clear();
        for (Held h : held.values()) {
            h.seen = false;
        }
    }

    /** Ends a tick: closes the cgroups of containers that were not sampled in it (gone, or no longer listed). */
    public void endTick() {
        held.values().removeIf(h -> {
            if (!h.seen) {
                h.cgroup.close();
                return true;
            }
            return false;
        });
    }

    /** Closes every cgroup held. */
    @Override
    public void close() {
        held.values().forEach(h -> h.cgroup.close());
        held.clear();
    }

    /**
     * Read problems since this sampler was made, by kind: every warning it passed on, plus the containers that
     * vanished while they were read ({@link ReadErrorKind#GONE}). Kinds never seen are absent.
     *
     * @return a copy
     */
    public Map<ReadErrorKind, Long> readErrors() {
        return Map.copyOf(readErrors);
    }

    /**
     * Samples {@code id}; empty when its cgroup vanished meanwhile. Warnings are passed on only for containers
     * that are still there: the errors of a cgroup being torn down (ENODEV, empty files) are not news.
     */
    public Optional<ContainerSample> sample(ContainerIdentity id, Consumer<String> warnings) {
        return sample(id, warnings, OptionalLong.empty());
    }

    /**
     * As {@link #sample(ContainerIdentity, Consumer)}, with the cgroup's {@code pids.current} already read in this
     * tick (by discovery, {@link ContainerDiscovery#pidsCurrent}): taken as the task count instead of reading the
     * file again, every tick, the idle ones too. One descriptor fewer per cgroup: at 2,000 cgroups the ten a cgroup
     * kept open came to more than this VM's 20,000-descriptor limit allows, and the last cgroups' files were opened
     * afresh at every read.
     *
     * @param pidsCurrent the task count read this tick, or empty to read it here
     */
    public Optional<ContainerSample> sample(ContainerIdentity id, Consumer<String> warnings, OptionalLong pidsCurrent) {
        List<String> mine = new ArrayList<>(0);
        pendingErrors.clear();
        Optional<ContainerSample> s;
        Held h = hold(id, mine::add);
        try {
            s = read(h, id, mine::add, pidsCurrent);
        } catch (java.io.UncheckedIOException e) {
            // A filesystem race below a reader (a directory listed, then gone): the same as a vanished cgroup.
            s = Optional.empty();
        }
        if (s.isPresent()) {
            h.seen = true;
            mine.forEach(warnings);
            pendingErrors.forEach((k, n) -> readErrors.merge(k, n, Long::sum));
        } else {
            readErrors.merge(ReadErrorKind.GONE, 1L, Long::sum);
            h.cgroup.close();
            held.remove(id.cgroup());
        }
        return s;
    }

    /** The held cgroup of {@code id}, opened (and its counter files read once, untimed) when new or changed. */
    private Held hold(ContainerIdentity id, Consumer<String> warnings) {
        Held h = held.get(id.cgroup());
        boolean invalid = invalidated.remove(id.cgroup());
        if (h != null && (h.pids.equals(id.pids()) || (!h.pids.isEmpty() && !id.pids().isEmpty() && sameCgroup(h)))) {
            if (invalid || !h.pids.equals(id.pids())) {
                // new members: the carried pids count and IO (a process moved in does not run to be counted)
                h.carried = null;
            }
            h.pids = id.pids();
            if (invalid) {
                h.limitsDue = null;
            }
            return h;
        }
        if (h != null) {
            h.cgroup.close();
        }
        h = new Held(fs.openCgroup(id.cgroup()), id.pids());
        held.put(id.cgroup(), h);
        // Opens the counter files and warms the code path, so that the timed reads below are reads only.
        try {
            // Untimed and uncounted: the timed read below meets, warns about and counts the same problem.
            Map<ReadErrorKind, Long> uncounted = new EnumMap<>(ReadErrorKind.class);
            read(h, h.cgroup::readCpuStat, Part.CPU, w -> { }, uncounted);
            read(h, h.cgroup::readIoStat, Part.IO, w -> { }, uncounted);
        } catch (CgroupGoneException e) {
            // read() below finds the same
        }
        return h;
    }

    /**
     * Whether a held cgroup whose members changed from some to others is still the cgroup it opened. A busy cgroup
     * (a build, a login session, the root) changes members every tick and keeps its open files and what is known
     * about it; a container restarted at the same path between two ticks (its directory made again) also goes
     * from some members to others, and must be opened again, with its new creation time, limits and controllers.
     * Its creation time tells them apart (one {@code stat} on v2, one per hierarchy on v1, only when the members
     * changed); a cgroup whose creation time is unknown is opened again, as every member change did before.
     */
    private boolean sameCgroup(Held h) {
        Optional<Instant> created = h.spec.createdAt();
        if (created.isEmpty()) {
            return false;
        }
        try {
            return created.get().equals(h.cgroup.readCreationTime());
        } catch (CgroupException e) {
            return false;
        }
    }

    /**
     * The CPU time (microseconds) of {@code cgroup} at its last sample that read it without a warning, or empty
     * (not held, or its last read was not clean): what discovery compares to keep an idle cgroup's member list.
     *
     * @param cgroup a cgroup path
     * @return its CPU time then, or empty
     */
    public OptionalLong lastCpuTimeUsec(String cgroup) {
        Held h = held.get(cgroup);
        return h == null || h.carried == null ? OptionalLong.empty() : OptionalLong.of(h.carried.usageUsec());
    }

    private Optional<ContainerSample> read(Held h, ContainerIdentity id, Consumer<String> warnings,
            OptionalLong pidsRead) {
        OpenCgroup cg = h.cgroup;
        Optional<Long> pidsGiven = pidsRead.isPresent() ? Optional.of(pidsRead.getAsLong()) : Optional.empty();
        try {
            Instant cpuAt = clock.instant();
            Optional<CpuStat> cpuStat = read(h, cg::readCpuUsageFirst, Part.CPU, warnings, pendingErrors);
            Optional<Long> memBytes = read(h, cg::readMemoryUsageBytes, Part.MEMORY, warnings, pendingErrors);
            Carried last = h.carried;
            boolean idle = last != null && cpuStat.isPresent() && memBytes.isPresent() && cpuAt.isBefore(h.fullDue)
                    && cpuStat.get().usage().usageUsec() == last.usageUsec() && memBytes.get() == last.memoryBytes();
            Carried now;
            Instant ioAt;
            if (idle) {
                now = last;
                ioAt = cpuAt;
            } else {
                Optional<CpuThrottling> thr = cpuStat.flatMap(CpuStat::throttling);
                if (cpuStat.isPresent() && thr.isEmpty()) {
                    // v1: in the cpu hierarchy's cpu.stat (unavailable, and not asked again, where it is not)
                    thr = read(h, cg::readCpuThrottling, Part.CPU_THROTTLING, warnings, pendingErrors);
                }
                Optional<MemoryCurrent> mem = memBytes.isPresent()
                        ? read(h, cg::readMemoryCurrent, Part.MEMORY, warnings, pendingErrors) : Optional.empty();
                ioAt = clock.instant();
                Optional<List<ContainerSample.IoDevice>> io = read(h, cg::readIoStat, Part.IO, warnings,
                        pendingErrors).map(this::io);
                Optional<MemoryStat> stat = read(h, () -> cg.readMemoryStat(MEMORY_STAT_KEYS), Part.MEMORY_STAT,
                        warnings, pendingErrors);
                Optional<Long> pidsCurrent = pidsGiven.isPresent() ? pidsGiven
                        : read(h, cg::readPidsCurrent, Part.PIDS, warnings, pendingErrors);
                now = new Carried(cpuStat.map(c -> c.usage().usageUsec()).orElse(-1L), memBytes.orElse(-1L), thr,
                        mem, stat, io, pidsCurrent);
                // Carried only from a read without warnings of a cgroup whose CPU time and memory could be read.
                boolean clean = pendingErrors.isEmpty() && cpuStat.isPresent() && mem.isPresent();
                h.carried = clean ? now : null;
                h.fullDue = cpuAt.plus(eventsPeriod).minusMillis(spread(cg, eventsPeriod));
            }
            if (idle && !cg.ioMovesOnlyWhileRunning()) {
                ioAt = clock.instant();
                now = new Carried(now.usageUsec(), now.memoryBytes(), now.throttling(), now.memory(), now.stat(),
                        read(h, cg::readIoStat, Part.IO, warnings, pendingErrors).map(this::io), now.pids());
            }
            readLimits(h, cpuAt, idle, warnings);
            Optional<CpuUsage> usage = cpuStat.map(CpuStat::usage);
            Optional<CpuThrottling> thr = now.throttling();
            ContainerSample.Cpu cpu = new ContainerSample.Cpu(
                    longOf(usage, CpuUsage::usageUsec),
                    flat(usage, CpuUsage::userUsec),
                    flat(usage, CpuUsage::systemUsec),
                    longOf(thr, CpuThrottling::periods),
                    longOf(thr, CpuThrottling::throttledPeriods),
                    longOf(thr, CpuThrottling::throttledUsec),
                    h.cpuMax.map(CpuMax::quotaUsec),
                    longOf(h.cpuMax, CpuMax::periodUsec));
            Optional<MemoryStat> stat = now.stat();
            Optional<MemoryCurrent> mem = now.memory();
            ContainerSample.Memory memory = new ContainerSample.Memory(
                    longOf(mem, MemoryCurrent::usageBytes),
                    flat(stat, MemoryStat::anonBytes),
                    flat(stat, MemoryStat::fileBytes),
                    flat(stat, MemoryStat::inactiveFileBytes),
                    mem.isPresent() ? h.memoryLimit : Optional.empty(),
                    mem.isPresent() ? h.oomKills : OptionalLong.empty(),
                    flat(mem, MemoryCurrent::swapBytes));
            Optional<Long> pidsCurrent = pidsGiven.isPresent() ? pidsGiven : now.pids();
            ContainerSample.Pids pids = new ContainerSample.Pids(
                    pidsCurrent.isPresent() ? OptionalLong.of(pidsCurrent.get()) : OptionalLong.empty(),
                    pidsCurrent.isPresent() ? h.pidsLimit : Optional.empty());
            Optional<Pressure> cpuPsi = read(h, () -> cg.readPressure(PressureResource.CPU), Part.CPU_PSI, warnings,
                    pendingErrors);
            Optional<Pressure> memPsi = read(h, () -> cg.readPressure(PressureResource.MEMORY), Part.MEMORY_PSI,
                    warnings, pendingErrors);
            Optional<Pressure> ioPsi = read(h, () -> cg.readPressure(PressureResource.IO), Part.IO_PSI, warnings,
                    pendingErrors);
            // Read every tick: another tool's freeze of a cgroup whose tasks are stopped does not move its CPU time.
            Optional<FreezerState> freezer = read(h, cg::readFreezerState, Part.FREEZER, warnings, pendingErrors);
            ContainerState state = id.pids().isEmpty() ? ContainerState.EXITED
                    : freezer.filter(f -> f != FreezerState.THAWED).isPresent() ? ContainerState.FROZEN
                    : ContainerState.RUNNING;
            NetRead net = net(id, warnings);
            return Optional.of(new ContainerSample(cpuAt, id, state, cpu, memory, now.io(), net.counters(), pids,
                    cpuPsi, memPsi, ioPsi, new ContainerSample.ReadTimes(cpuAt, ioAt, net.at()), h.spec));
        } catch (CgroupGoneException e) {
            return Optional.empty();
        }
    }

    /** An offset in the second half of {@code period}, by path, so that cgroups opened together are re-read apart. */
    private static long spread(OpenCgroup cg, Duration period) {
        long spreadMs = period.toMillis() / 2;
        return spreadMs == 0 ? 0 : Math.floorMod(cg.path().hashCode(), spreadMs);
    }

    /**
     * Reads the limits, and the OOM kill count, when due: on open, after an invalidation, or a slow-cadence period
     * after the last read; the OOM kill count (with v2's limit hits, from the same {@code memory.events}) also an
     * events period after its last read. It is a counter, but one that rarely moves, and its file (v1
     * {@code memory.oom_control}) costs 10 µs of kernel time per read: it is shown up to one events period late,
     * the {@link ContainerSample.Spec} values read with the limits up to one limits period (the memory limit comes with {@code memory.high},
     * the swap limits and v1's {@code memory.failcnt} in one {@link OpenCgroup#readMemoryLimits()}); the creation time
     * only once, when the cgroup is first held.
     */
    private void readLimits(Held h, Instant now, boolean idle, Consumer<String> warnings) throws CgroupGoneException {
        OpenCgroup cg = h.cgroup;
        Map<ReadErrorKind, Long> errors = pendingErrors;
        if (h.limitsDue != null && now.isBefore(h.limitsDue)) {
            // An OOM kill moves the memory in use: an idle cgroup's count cannot have moved.
            if (idle || (h.eventsDue != null && now.isBefore(h.eventsDue))) {
                return;
            }
            Optional<MemoryEvents> events = read(h, cg::readMemoryEvents, Part.MEMORY_EVENTS, warnings, errors);
            h.oomKills = longOf(events, MemoryEvents::oomKill);
            if (h.hitsFromEvents) {
                ContainerSample.Spec sp = h.spec;
                h.spec = new ContainerSample.Spec(sp.cpuWeight(), sp.memoryHighBytes(), sp.swapLimitBytes(),
                        sp.memoryAndSwapLimitBytes(), flat(events, MemoryEvents::max), sp.createdAt());
            }
            h.eventsDue = now.plus(eventsPeriod);
            return;
        }
        h.cpuMax = read(h, cg::readCpuMax, Part.CPU_MAX, warnings, errors);
        Optional<MemoryLimits> memory = read(h, cg::readMemoryLimits, Part.MEMORY_LIMIT, warnings, errors);
        h.memoryLimit = memory.map(MemoryLimits::maxBytes);
        h.pidsLimit = read(h, cg::readPidsMax, Part.PIDS_MAX, warnings, errors);
        Optional<MemoryEvents> events = read(h, cg::readMemoryEvents, Part.MEMORY_EVENTS, warnings, errors);
        h.oomKills = longOf(events, MemoryEvents::oomKill);
        Optional<CpuWeight> weight = read(h, cg::readCpuWeight, Part.CPU_WEIGHT, warnings, errors);
        Optional<Instant> created = h.spec.createdAt().isPresent() ? h.spec.createdAt()
                : read(h, cg::readCreationTime, Part.CREATED, warnings, errors);
        // v1 counts limit hits in memory.failcnt; v2 has no such file and counts them as memory.events "max".
        OptionalLong failcnt = flat(memory, MemoryLimits::failcnt);
        h.hitsFromEvents = failcnt.isEmpty();
        h.spec = new ContainerSample.Spec(weight, memory.map(MemoryLimits::highBytes),
                memory.flatMap(MemoryLimits::swapMaxBytes), memory.flatMap(MemoryLimits::memoryAndSwapMaxBytes),
                failcnt.isPresent() ? failcnt : flat(events, MemoryEvents::max), created);
        // Spread the re-reads of cgroups opened in the same tick over the second half of the period.
        h.limitsDue = now.plus(limitsPeriod).minusMillis(spread(cg, limitsPeriod));
        h.eventsDue = now.plus(eventsPeriod);
    }

    private List<ContainerSample.IoDevice> io(IoStat stat) {
        List<ContainerSample.IoDevice> out = new ArrayList<>(stat.devices().size());
        for (IoDeviceStat d : stat.devices()) {
            out.add(new ContainerSample.IoDevice(blockDevices.lookup(d.major(), d.minor()), d.readBytes(),
                    d.writeBytes(), d.readOps(), d.writeOps()));
        }
        return List.copyOf(out);
    }

    /** The namespace's {@code net/dev}, read by the first container of the tick that is in it. */
    private NetRead net(ContainerIdentity id, Consumer<String> warnings) {
        if (id.netns().isEmpty() || id.netns().get().host()) {
            return new NetRead(clock.instant(), Optional.empty());
        }
        long inode = id.netns().get().inode();
        NetRead cached = netThisTick.get(inode);
        if (cached != null) {
            return cached;
        }
        NetRead r = readNet(id, warnings);
        netThisTick.put(inode, r);
        return r;
    }

    private NetRead readNet(ContainerIdentity id, Consumer<String> warnings) {
        // Any member will do: they share the namespace found by discovery. Try a few in case one just exited.
        int tries = 0;
        for (long pid : id.pids()) {
            Path file = procfs.resolve(pid + "/net/dev");
            // Opened, then timed, then read: the namespace's file is not kept open, which would pin the namespace.
            try (KernelFile f = new KernelFile(file, KernelFile.DEFAULT_CAP, true)) {
                f.open();
                Instant at = clock.instant();
                return new NetRead(at, Optional.of(ProcParsers.parseNetDev(file, f.readString())));
            } catch (IOException e) {
                if (++tries == 3) {
                    break;
                }
            } catch (ProcParseException e) {
                pendingErrors.merge(ReadErrorKind.PARSE, 1L, Long::sum);
                warnings.accept(e.getMessage());
                return new NetRead(clock.instant(), Optional.empty());
            }
        }
        return new NetRead(clock.instant(), Optional.empty());
    }

    /**
     * Reads one part, unless the cgroup is known not to have it; remembers a part that is unavailable, and counts
     * a warning by the kind of its error.
     */
    private static <T> Optional<T> read(Held h, Read<T> r, Part part, Consumer<String> warnings,
            Map<ReadErrorKind, Long> errors) throws CgroupGoneException {
        if (h.unavailable.contains(part)) {
            return Optional.empty();
        }
        try {
            return Optional.of(r.read());
        } catch (CgroupGoneException e) {
            // On v1 and hybrid hosts a cgroup may exist in some hierarchies only (a runtime that created it in the
            // memory hierarchy alone); a file missing from a hierarchy it is not in is "unavailable", not "gone".
            if (h.cgroup.exists()) {
                h.unavailable.add(part);
                return Optional.empty();
            }
            throw e;
        } catch (ControllerUnavailableException e) {
            h.unavailable.add(part);
            return Optional.empty();
        } catch (CgroupException e) {
            errors.merge(kind(e), 1L, Long::sum);
            warnings.accept(e.getMessage());
            return Optional.empty();
        }
    }

    /** The kind of a read error that is not "unavailable" or "gone", from its type and its cause's type. */
    static ReadErrorKind kind(CgroupException e) {
        if (e instanceof MalformedCgroupFileException) {
            return ReadErrorKind.PARSE;
        }
        if (e instanceof CgroupReadException && e.getCause() instanceof AccessDeniedException) {
            return ReadErrorKind.PERMISSION;
        }
        return ReadErrorKind.OTHER;
    }

    /** The long that {@code f} takes from {@code o}, or empty when {@code o} could not be read. */
    private static <T> OptionalLong longOf(Optional<T> o, ToLongFunction<T> f) {
        return o.isPresent() ? OptionalLong.of(f.applyAsLong(o.get())) : OptionalLong.empty();
    }

    /** A key the kernel may omit ({@code f}) of a file that may not have been read ({@code o}). */
    private static <T> OptionalLong flat(Optional<T> o, Function<T, OptionalLong> f) {
        return o.map(f).orElse(OptionalLong.empty());
    }
}
