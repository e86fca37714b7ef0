package dev.berth.cgroupctl.v1;

import dev.berth.cgroupctl.MemoryLimits;
import dev.berth.cgroupctl.Cgroup;
import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.CgroupGoneException;
import dev.berth.cgroupctl.CgroupWriteException;
import dev.berth.cgroupctl.ControllerUnavailableException;
import dev.berth.cgroupctl.CpuMax;
import dev.berth.cgroupctl.CpuStat;
import dev.berth.cgroupctl.CpuThrottling;
import dev.berth.cgroupctl.CpuUsage;
import dev.berth.cgroupctl.CpuWeight;
import dev.berth.cgroupctl.Cpuset;
import dev.berth.cgroupctl.DeviceRule;
import dev.berth.cgroupctl.FreezerState;
import dev.berth.cgroupctl.IoLimit;
import dev.berth.cgroupctl.IoStat;
import dev.berth.cgroupctl.Limit;
import dev.berth.cgroupctl.MemoryCurrent;
import dev.berth.cgroupctl.MemoryEvents;
import dev.berth.cgroupctl.MemoryStat;
import dev.berth.cgroupctl.MemoryUsage;
import dev.berth.cgroupctl.OpenCgroup;
import dev.berth.cgroupctl.PidsUsage;
import dev.berth.cgroupctl.Pressure;
import dev.berth.cgroupctl.PressureResource;
import dev.berth.cgroupctl.format.FlatKeyedFormat;
import dev.berth.cgroupctl.format.ListFormat;
import dev.berth.cgroupctl.kernfs.AbstractCgroup;
import dev.berth.cgroupctl.kernfs.CgroupDir;
import dev.berth.cgroupctl.kernfs.FileBudget;
import dev.berth.cgroupctl.kernfs.Hierarchy;
import dev.berth.cgroupctl.kernfs.KillLoop;
import dev.berth.cgroupctl.kernfs.Signals;
import dev.berth.cgroupctl.kernfs.WriteJournal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A cgroup of a v1 or hybrid host: one directory per controller hierarchy, plus, on hybrid hosts, one in the
 * unified cgroup2 hierarchy. Controller files come from the controller's v1 hierarchy. The unified hierarchy
 * supplies what v1 lacks (PSI, {@code cgroup.kill}) and stands in for the v1 freezer and cpuacct when the cgroup
 * exists only there. Immutable; see {@link Cgroup}.
 */
public final class V1Cgroup extends AbstractCgroup implements OpenCgroup {
    /** How old an open cgroup's member list may get while {@code pids.current} stays the same. */
    public static final Duration MEMBERS_MAX_AGE = Duration.ofSeconds(5);
    /**
     * How old it may get when the caller's CPU time of the cgroup has not moved since the list was read
     * ({@link #readMemberPids(OptionalLong, Instant)}): this, less up to half of it chosen by the cgroup's path, so
     * that cgroups first read in the same tick (all of them, at the start) are not all read again in one later tick.
     */
    public static final Duration IDLE_MEMBERS_MAX_AGE = Duration.ofSeconds(60);
    /** The order in which {@link #readMemberPids()} picks the one hierarchy it reads. */
    private static final List<String> MEMBERSHIP_ORDER = List.of("pids", "memory", "cpuacct", "cpu", "blkio",
            "freezer");

    private final String path;
    private final V1Hierarchies hierarchies;
    /** Non-null for an open cgroup: its directories keep files open and what exists is looked up once. */
    private final FileBudget budget;
    private final Map<Hierarchy, CgroupDir> openDirs = new HashMap<>();
    private final Map<Hierarchy, Boolean> existsIn = new HashMap<>();
    private Freezer openFreezer;
    /** An open cgroup's last {@code cgroup.procs} list (pids hierarchy), with {@code pids.current} and the time then. */
    private List<Long> members;
    private long membersCount;
    private Instant membersReadAt;
    /** The caller's CPU time of the cgroup when {@link #members} was read; empty when it gave none. */
    private OptionalLong membersCpu = OptionalLong.empty();
    /** Whether the last {@link #readMemberPids()} read {@code pids.current} (then {@link #membersCount}). */
    private boolean membersCountFresh;

    /**
     * @param hierarchies the host's hierarchies
     * @param path        a normalised cgroup path
     */
    V1Cgroup(V1Hierarchies hierarchies, String path) {
        this(hierarchies, path, null);
    }

    /**
     * @param hierarchies the host's hierarchies
     * @param path        a normalised cgroup path
     * @param budget      descriptors the open cgroup may hold; null for a cgroup that holds only its path
     */
    V1Cgroup(V1Hierarchies hierarchies, String path, FileBudget budget) {
        this.hierarchies = hierarchies;
        this.path = path;
        this.budget = budget;
    }

    /** This cgroup's directory in {@code h}: a kept one for an open cgroup, else a new path-only one. */
    private CgroupDir dirIn(Hierarchy h) {
        if (budget == null) {
            return h.dir(path);
        }
        CgroupDir d = openDirs.get(h);
        if (d == null) {
            d = h.dir(path, budget);
            openDirs.put(h, d);
        }
        return d;
    }

    /** Whether the cgroup exists in {@code h}: one stat each time, or once for an open cgroup. */
    private boolean existsIn(Hierarchy h) {
        if (budget == null) {
            return h.dir(path).exists();
        }
        return existsIn.computeIfAbsent(h, x -> x.dir(path).exists());
    }

    @Override
    public void close() {
        openDirs.values().forEach(CgroupDir::close);
        openDirs.clear();
        existsIn.clear();
        openFreezer = null;
        members = null;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public boolean exists() {
        return allDirs().stream().anyMatch(CgroupDir::exists);
    }

    /** The cgroup's directory in a controller's hierarchy; unavailable if that controller is not mounted. */
    private CgroupDir dir(String controller) throws ControllerUnavailableException {
        Hierarchy h = hierarchies.byController().get(controller);
        if (h == null) {
            throw new ControllerUnavailableException(hierarchies.sysfs().resolve("fs/cgroup/" + controller),
                    controller + " controller not mounted", null);
        }
        return dirIn(h);
    }

    private Optional<CgroupDir> unifiedDir() {
        return hierarchies.unified().filter(this::existsIn).map(this::dirIn);
    }

    private List<CgroupDir> allDirs() {
        List<CgroupDir> out = new ArrayList<>();
        for (Hierarchy h : hierarchies.all()) {
            out.add(h.dir(path));
        }
        hierarchies.unified().ifPresent(h -> out.add(h.dir(path)));
        return out;
    }

    private List<CgroupDir> existingDirs() throws CgroupGoneException {
        List<CgroupDir> out = allDirs().stream().filter(CgroupDir::exists).toList();
        if (out.isEmpty()) {
            throw new CgroupGoneException(allDirs().isEmpty() ? hierarchies.sysfs() : allDirs().get(0).path(), null);
        }
        return out;
    }

    @Override
    public List<Long> readProcs() throws CgroupException {
        return KillLoop.procs(existingDirs());
    }

    @Override
    public OptionalLong pidsCurrentOfLastMembersRead() {
        return membersCountFresh ? OptionalLong.of(membersCount) : OptionalLong.empty();
    }

    /**
     * {@inheritDoc}
     *
     * <p>v1 builds a {@code cgroup.procs} pid list when a descriptor is first read and serves every later read of
     * that descriptor from it until the list has been idle for a second (kernel/cgroup/cgroup-v1.c, the pid list
     * cache), so a kept-open {@code cgroup.procs} read once per tick never changes. The list is therefore read on a
     * descriptor of its own (open, read, close: 12-20 µs more than a {@code pread} of a kept one, measured here), and
     * an open cgroup in the pids hierarchy reads it only when needed: on the first call, when {@code pids.current}
     * (kept open, regenerated per read) has moved since the list was last read, and at least every
     * {@link #MEMBERS_MAX_AGE}. The list is then up to that old only when a process left and another came between
     * two calls, or a process moved to an ancestor cgroup (which counts its descendants' tasks).
     */
    @Override
    public List<Long> readMemberPids() throws CgroupException {
        return readMemberPids(OptionalLong.empty(), Instant.now());
    }

    /**
     * {@inheritDoc}
     *
     * <p>As {@link #readMemberPids()}, except that while the caller's CPU time of the cgroup is the one it gave when
     * the list was last read, the list is kept up to {@link #IDLE_MEMBERS_MAX_AGE} instead of {@link #MEMBERS_MAX_AGE}.
     * With {@code pids.current} unchanged, a member can have left only by exiting, which its task does running in
     * the cgroup (cpuacct charges it), or by being moved out by another process while it slept, with a sleeping
     * task moved in: only that is seen up to a minute late (30 to 60 s, by the cgroup's path). The CPU time is the
     * caller's last sample, usually of the tick before: a task that ran since makes the next call see a new time,
     * and the list is read again once it is {@link #MEMBERS_MAX_AGE} old. The longer age is granted only when the
     * list was read because it aged, not because the count moved, and the cgroup's {@code cgroup.procs} in the
     * cpuacct hierarchy, where the CPU time comes from, then held the same tasks (v1 lets a task sit at different
     * paths in different hierarchies: a task outside the cpuacct cgroup would fork and exit unseen). The caller gives
     * no CPU time for a cgroup with cgroups below it: {@code pids.current} counts theirs too, and a task moved
     * between them changes neither that count nor, while it sleeps, the CPU time. On a host where
     * {@code cgroup.procs} of 500 idle cgroups was re-read every 5 s, this was a tenth of the recorder's CPU.
     */
    @Override
    public List<Long> readMemberPids(OptionalLong cpuUsageUsec, Instant now)
            throws CgroupException {
        Hierarchy pids = hierarchies.byController().get("pids");
        membersCountFresh = false;
        // (the root cgroup has no pids.current: its list is read every time)
        if (budget != null && pids != null && existsIn(pids) && dirIn(pids).has("pids.current")) {
            CgroupDir d = dirIn(pids);
            long count = new PidsController(d).readPidsCurrent();
            boolean recount = members == null || count != membersCount;
            if (recount || expired(cpuUsageUsec, now)) {
                members = d.readBytesFresh("cgroup.procs", ListFormat::parseIds);
                membersCount = count;
                membersReadAt = now;
                membersCpu = !recount && cpuUsageUsec.isPresent() && sameTasksWhereCpuIsRead(pids, members)
                        ? cpuUsageUsec : OptionalLong.empty();
            }
            membersCountFresh = true;   // count == membersCount: a count that moved re-read the list above
            return members;
        }
        for (String c : MEMBERSHIP_ORDER) {
            Hierarchy h = hierarchies.byController().get(c);
            if (h != null && existsIn(h)) {
                return dirIn(h).readBytesFresh("cgroup.procs", ListFormat::parseIds);
            }
        }
        for (Hierarchy h : hierarchies.all()) {
            if (existsIn(h)) {
                return dirIn(h).readBytesFresh("cgroup.procs", ListFormat::parseIds);
            }
        }
        Optional<CgroupDir> unified = unifiedDir();
        if (unified.isPresent()) {
            return unified.get().readBytes("cgroup.procs", ListFormat::parseIds);
        }
        throw new CgroupGoneException(allDirs().isEmpty() ? hierarchies.sysfs() : allDirs().get(0).path(), null);
    }

    /**
     * Whether the cgroup's directory in the cpuacct hierarchy holds the tasks {@code members} (read in
     * {@code pids}): always when the two controllers share a hierarchy, never when there is no cpuacct directory.
     */
    private boolean sameTasksWhereCpuIsRead(Hierarchy pids, List<Long> members) throws CgroupException {
        Hierarchy acct = hierarchies.byController().get("cpuacct");
        if (acct == pids) {
            return true;
        }
        if (acct == null || !existsIn(acct)) {
            return false;
        }
        List<Long> there = new ArrayList<>(dirIn(acct).readBytesFresh("cgroup.procs", ListFormat::parseIds));
        List<Long> here = new ArrayList<>(members);
        there.sort(null);
        here.sort(null);
        return there.equals(here);
    }

    /** Whether the kept member list is too old to serve at {@code now} (a clock set back counts as too old). */
    private boolean expired(OptionalLong cpuUsageUsec, Instant now) {
        Duration age = Duration.between(membersReadAt, now);
        boolean ran = cpuUsageUsec.isEmpty() || !cpuUsageUsec.equals(membersCpu);
        return age.isNegative() || age.compareTo(ran ? MEMBERS_MAX_AGE : idleMembersMaxAge()) >= 0;
    }

    /** {@link #IDLE_MEMBERS_MAX_AGE} less this cgroup's share of half of it: from 30 to 60 s, by the path's hash. */
    private Duration idleMembersMaxAge() {
        long half = IDLE_MEMBERS_MAX_AGE.toMillis() / 2;
        return IDLE_MEMBERS_MAX_AGE.minusMillis(Math.floorMod(path.hashCode(), half));
    }

    /**
     * {@code cpuacct.usage} and {@code cpu.stat}: the per-tick read. Without the user/system split, which v1 keeps in
     * two more files ({@code cpuacct.usage_user}, {@code cpuacct.usage_sys}: 13 µs of kernel time per cgroup per
     * tick, measured by bench/peers/file-cost.py) that no front end shows; {@link #readCpuUsage()} has it.
     */
    @Override
    public CpuStat readCpuStat() throws CgroupException {
        Hierarchy acct = hierarchies.byController().get("cpuacct");
        CpuUsage usage = acct != null && existsIn(acct)
                ? new CpuacctController(dirIn(acct)).readCpuUsageTotal() : readCpuUsage();
        Optional<CpuThrottling> throttling;
        try {
            throttling = Optional.of(readCpuThrottling());
        } catch (ControllerUnavailableException e) {
            throttling = Optional.empty();
        } catch (CgroupGoneException e) {
            // Not in the cpu hierarchy while in cpuacct (or unified): no throttling, unless gone everywhere.
            if (!exists()) {
                throw e;
            }
            throttling = Optional.empty();
        }
        return new CpuStat(usage, throttling);
    }

    @Override
    public CpuStat readCpuUsageFirst() throws CgroupException {
        Hierarchy acct = hierarchies.byController().get("cpuacct");
        return new CpuStat(acct != null && existsIn(acct)
                ? new CpuacctController(dirIn(acct)).readCpuUsageTotal() : readCpuUsage(), Optional.empty());
    }

    @Override
    public long readMemoryUsageBytes() throws CgroupException {
        return new MemoryController(dir("memory")).readUsageBytes();
    }

    @Override
    public MemoryCurrent readMemoryCurrent() throws CgroupException {
        return new MemoryController(dir("memory")).readMemoryCurrent();
    }

    @Override
    public Limit readMemoryMax() throws CgroupException {
        return new MemoryController(dir("memory")).readMemoryMax();
    }

    @Override
    public long readPidsCurrent() throws CgroupException {
        return new PidsController(dir("pids")).readPidsCurrent();
    }

    @Override
    public MemoryStat readMemoryStat(FlatKeyedFormat.Keys keys) throws CgroupException {
        return new MemoryController(dir("memory")).readMemoryStat(keys);
    }

    @Override
    public CpuUsage readCpuUsage() throws CgroupException {
        Hierarchy acct = hierarchies.byController().get("cpuacct");
        Optional<CgroupDir> unified = unifiedDir();
        if ((acct == null || !existsIn(acct)) && unified.isPresent()) {
            return new dev.berth.cgroupctl.v2.CpuController(unified.get()).readCpuUsage();
        }
        return new CpuacctController(dir("cpuacct")).readCpuUsage();
    }

    @Override
    public CpuThrottling readCpuThrottling() throws CgroupException {
        return new CpuController(dir("cpu")).readCpuThrottling();
    }

    @Override
    public CpuMax readCpuMax() throws CgroupException {
        return new CpuController(dir("cpu")).readCpuMax();
    }

    @Override
    public CpuWeight readCpuWeight() throws CgroupException {
        return new CpuController(dir("cpu")).readCpuWeight();
    }

    @Override
    public Cpuset readCpuset() throws CgroupException {
        return new CpusetController(dir("cpuset")).readCpuset();
    }

    @Override
    public MemoryUsage readMemory() throws CgroupException {
        return new MemoryController(dir("memory")).readMemory();
    }

    @Override
    public Instant readCreationTime() throws CgroupException {
        Instant oldest = null;
        for (CgroupDir d : existingDirs()) {
            Instant t = d.readModifiedSince("cgroup.clone_children");
            oldest = oldest == null || t.isBefore(oldest) ? t : oldest;
        }
        return oldest;
    }

    @Override
    public MemoryStat readMemoryStat() throws CgroupException {
        return new MemoryController(dir("memory")).readMemoryStat();
    }

    @Override
    public MemoryEvents readMemoryEvents() throws CgroupException {
        return new MemoryController(dir("memory")).readMemoryEvents();
    }

    /** v1's blkio: see {@link dev.berth.cgroupctl.Cgroup#ioMovesOnlyWhileRunning()}. */
    @Override
    public boolean ioMovesOnlyWhileRunning() {
        return true;
    }

    @Override
    public IoStat readIoStat() throws CgroupException {
        return new IoController(dir("blkio")).readIoStat();
    }

    @Override
    public List<IoLimit> readIoLimits() throws CgroupException {
        return new IoController(dir("blkio")).readIoLimits();
    }

    @Override
    public PidsUsage readPids() throws CgroupException {
        return new PidsController(dir("pids")).readPids();
    }

    @Override
    public Limit readPidsMax() throws CgroupException {
        return new PidsController(dir("pids")).readPidsMax();
    }

    @Override
    public MemoryLimits readMemoryLimits() throws CgroupException {
        return new MemoryController(dir("memory")).readMemoryLimits();
    }

    @Override
    public Pressure readPressure(PressureResource resource) throws CgroupException {
        Optional<CgroupDir> unified = unifiedDir();
        if (unified.isEmpty()) {
            existingDirs();
            Path where = hierarchies.unified().map(h -> h.dir(path).path()).orElse(hierarchies.sysfs());
            throw new ControllerUnavailableException(where.resolve(resource.fileName()),
                    "no PSI: cgroup v1 has none and the cgroup is not in a cgroup2 hierarchy", null);
        }
        return new dev.berth.cgroupctl.v2.PressureController(unified.get()).readPressure(resource);
    }

    @Override
    public FreezerState readFreezerState() throws CgroupException {
        return freezer().readFreezerState();
    }

    /**
     * The v1 freezer when the cgroup is in the freezer hierarchy (what runc and docker use on hybrid hosts, so their
     * view stays consistent); else the unified hierarchy's {@code cgroup.freeze}.
     */
    private Freezer freezer() throws CgroupException {
        if (openFreezer != null) {
            return openFreezer;
        }
        Freezer f = findFreezer();
        if (budget != null) {
            openFreezer = f;
        }
        return f;
    }

    private Freezer findFreezer() throws CgroupException {
        Hierarchy fh = hierarchies.byController().get("freezer");
        if (fh != null && existsIn(fh)) {
            FreezerController f = new FreezerController(dirIn(fh));
            if (f.available()) {
                return new Freezer(f::readFreezerState, f::freeze, f::thaw);
            }
        }
        Optional<CgroupDir> unified = unifiedDir();
        if (unified.isPresent()) {
            dev.berth.cgroupctl.v2.FreezerController f = new dev.berth.cgroupctl.v2.FreezerController(unified.get());
            if (f.available()) {
                return new Freezer(f::readFreezerState, f::freeze, f::thaw);
            }
        }
        existingDirs();
        throw new ControllerUnavailableException(fh != null ? fh.dir(path).path().resolve("freezer.state")
                : hierarchies.sysfs().resolve("fs/cgroup/freezer"), "no freezer for this cgroup", null);
    }

    /** Whichever freezer {@link #freezer()} picked. */
    private record Freezer(StateReader state, Action freeze, Action thaw) {
        interface StateReader {
            FreezerState read() throws CgroupException;
        }

        interface Action {
            void run(Duration timeout) throws CgroupException;
        }

        FreezerState readFreezerState() throws CgroupException {
            return state.read();
        }
    }

    @Override
    public void writeCpuMax(CpuMax v, WriteJournal j) throws CgroupException {
        new CpuController(dir("cpu")).writeCpuMax(v, j);
    }

    @Override
    public void writeCpuWeight(long weight, WriteJournal j) throws CgroupException {
        new CpuController(dir("cpu")).writeCpuWeight(weight, j);
    }

    @Override
    public void writeCpusetCpus(String cpus, WriteJournal j) throws CgroupException {
        new CpusetController(dir("cpuset")).writeCpus(cpus, j);
    }

    @Override
    public void writeCpusetMems(String mems, WriteJournal j) throws CgroupException {
        new CpusetController(dir("cpuset")).writeMems(mems, j);
    }

    @Override
    public void writeMemoryMax(Limit v, WriteJournal j) throws CgroupException {
        new MemoryController(dir("memory")).writeMemoryMax(v, j);
    }

    @Override
    public void writeMemoryHigh(Limit v, WriteJournal j) throws CgroupException {
        new MemoryController(dir("memory")).writeMemoryHigh(v, j);
    }

    @Override
    public void writeMemorySwapMax(Limit v, WriteJournal j) throws CgroupException {
        new MemoryController(dir("memory")).writeMemorySwapMax(v, j);
    }

    @Override
    public void writePidsMax(Limit v, WriteJournal j) throws CgroupException {
        new PidsController(dir("pids")).writePidsMax(v, j);
    }

    @Override
    public void writeIoLimit(IoLimit v, WriteJournal j) throws CgroupException {
        new IoController(dir("blkio")).writeIoLimit(v, j);
    }

    @Override
    public Optional<Path> cgroup2Directory() {
        return unifiedDir().map(CgroupDir::path);
    }

    @Override
    public void writeDevicesAllowList(List<DeviceRule> allowed) throws CgroupException {
        new DevicesController(dir("devices")).writeAllowList(allowed);
    }

    /** Writes the pid to {@code cgroup.procs} of every hierarchy the cgroup exists in. */
    @Override
    public void addProcess(long pid) throws CgroupException {
        for (CgroupDir d : existingDirs()) {
            d.write("cgroup.procs", Long.toString(pid));
        }
    }

    @Override
    public void freeze(Duration timeout) throws CgroupException {
        Freezer f = freezer();
        if (Signals.includesSelf(members())) {
            throw new CgroupWriteException(existingDirs().get(0).path(), "FROZEN",
                    "refusing: the calling process is a member", null);
        }
        f.freeze().run(timeout);
    }

    @Override
    public void thaw(Duration timeout) throws CgroupException {
        freezer().thaw().run(timeout);
    }

    private List<Long> members() throws CgroupException {
        List<CgroupDir> dirs = new ArrayList<>();
        for (Hierarchy h : hierarchies.all()) {
            dirs.addAll(h.subtree(path));
        }
        hierarchies.unified().ifPresent(h -> dirs.addAll(h.subtree(path)));
        return KillLoop.procs(dirs);
    }

    @Override
    public void killAll(Duration timeout) throws CgroupException {
        KillLoop.killAll(new KillLoop.Target() {
            @Override
            public List<Long> members() throws CgroupException {
                return V1Cgroup.this.members();
            }

            @Override
            public boolean writeKill() throws CgroupException {
                Optional<CgroupDir> u = unifiedDir();
                if (u.isEmpty() || !u.get().has("cgroup.kill")) {
                    return false;
                }
                u.get().write("cgroup.kill", "1");
                return true;
            }

            @Override
            public boolean canFreeze() {
                try {
                    freezer();
                    return true;
                } catch (CgroupException e) {
                    return false;
                }
            }

            @Override
            public void freeze(Duration t) throws CgroupException {
                freezer().freeze().run(t);
            }

            @Override
            public void thaw(Duration t) throws CgroupException {
                freezer().thaw().run(t);
            }

            @Override
            public Path file() {
                List<CgroupDir> d = allDirs();
                return d.isEmpty() ? hierarchies.sysfs() : d.get(0).path().resolve("cgroup.procs");
            }
        }, timeout);
    }

    @Override
    public String toString() {
        return "cgroup " + path;
    }
}
