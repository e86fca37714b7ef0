package dev.berth.cgroupctl;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One cgroup, by path, across every hierarchy of a host. Obtained from {@link CgroupFs#cgroup(String)}.
 *
 * <p>The same interface serves v1, v2 and hybrid hosts; where the versions differ, the method says so. On hybrid
 * hosts a controller's files come from its v1 hierarchy, and the core files of the cgroup2 ("unified") hierarchy
 * ({@code cgroup.freeze}, {@code cgroup.kill}, {@code cpu.stat}, {@code *.pressure}) are used where v1 has no
 * equivalent or where the cgroup exists only there.
 *
 * <p>Readers are strict: a missing file is {@link ControllerUnavailableException}, a vanished cgroup
 * {@link CgroupGoneException}, a bad format {@link MalformedCgroupFileException}. Writers validate their argument
 * first ({@link IllegalArgumentException} naming the value and what is accepted) and then write; a kernel refusal is
 * {@link CgroupWriteException} naming file, value and the kernel's answer.
 *
 * <p>Instances hold only paths; they are immutable and safe to share between threads (the kernel serialises the
 * file operations).
 */
public interface Cgroup {

    /** @return the path relative to the hierarchy roots, e.g. {@code /docker/abc}; {@code /} for the root */
    String path();

    /** @return true when the cgroup directory exists in at least one hierarchy */
    boolean exists();

    /**
     * Reads {@code cgroup.procs}: the processes in this cgroup (not its children). v1/hybrid: the union over every
     * hierarchy the cgroup exists in, sorted.
     *
     * @return process ids, sorted ascending
     * @throws CgroupException on read failure
     */
    List<Long> readProcs() throws CgroupException;

    /**
     * The member processes as one hierarchy lists them, for discovery, which needs membership only: one file instead
     * of one per hierarchy. v2: {@code cgroup.procs}, as {@link #readProcs()}. v1 and hybrid: {@code cgroup.procs}
     * of the first hierarchy the cgroup exists in, in the order pids, memory, cpuacct, cpu, blkio, freezer, then the
     * others and the unified one. Container runtimes and systemd put a process in the same path of every hierarchy;
     * a process put elsewhere in some hierarchies by hand is seen where that hierarchy puts it.
     *
     * @return the pids, in file order
     * @throws CgroupException on read failure ({@link CgroupGoneException} when in no hierarchy)
     */
    default List<Long> readMemberPids() throws CgroupException {
        return readProcs();
    }

    /**
     * CPU time and throttling in one call: v2 reads {@code cpu.stat} once (not once for each of
     * {@link #readCpuUsage()} and {@link #readCpuThrottling()}), user/system included; v1 reads
     * {@code cpuacct.usage}, then {@code cpu.stat}, without the user/system split (two more files per call, which
     * {@link #readCpuUsage()} reads).
     *
     * @return the counters; throttling empty when the cpu controller is not available for this cgroup
     * @throws CgroupException on read failure of the usage
     */
    default CpuStat readCpuStat() throws CgroupException {
        CpuUsage usage = readCpuUsage();
        try {
            return new CpuStat(usage, java.util.Optional.of(readCpuThrottling()));
        } catch (ControllerUnavailableException e) {
            return new CpuStat(usage, java.util.Optional.empty());
        }
    }

    /**
     * CPU time used, read alone where that is one file fewer than {@link #readCpuStat()}: the first read of a
     * sampler's tick, from which it tells whether the cgroup ran. v1 reads {@code cpuacct.usage} only (the
     * throttling counters are in the cpu hierarchy's {@code cpu.stat}: {@link #readCpuThrottling()}); v2 reads
     * {@code cpu.stat}, which has both, as {@link #readCpuStat()}.
     *
     * @return the usage, with the throttling counters where the same file gave them
     * @throws CgroupException on read failure of the usage
     */
    default CpuStat readCpuUsageFirst() throws CgroupException {
        return readCpuStat();
    }

    /**
     * Memory in use alone (v2 {@code memory.current}, v1 {@code memory.usage_in_bytes}): one file, where
     * {@link #readMemoryCurrent()} reads the swap too. With {@link #readCpuUsageFirst()}, what a sampler reads
     * first to tell whether the cgroup did anything since its last tick.
     *
     * @return bytes in use
     * @throws CgroupException on read failure
     */
    default long readMemoryUsageBytes() throws CgroupException {
        return readMemoryCurrent().usageBytes();
    }

    /**
     * Memory and swap in use, without the limits: the per-tick part of {@link #readMemory()}.
     *
     * @return the usage
     * @throws CgroupException on read failure
     */
    default MemoryCurrent readMemoryCurrent() throws CgroupException {
        MemoryUsage m = readMemory();
        return new MemoryCurrent(m.usageBytes(), m.swapUsageBytes());
    }

    /**
     * Whether the counters of {@link #readIoStat()} move only while this cgroup's own tasks run, so that a sampler
     * that saw its CPU time stand still may carry them: true on v1, whose blkio counts a request for the task that
     * submits it (the writeback of its dirty pages is submitted by the kernel's flusher threads and counted in the
     * root cgroup); false on v2, which charges that writeback to the cgroup that dirtied the pages while none of its
     * tasks runs.
     *
     * @return whether an idle cgroup's IO counters stand still
     */
    default boolean ioMovesOnlyWhileRunning() {
        return false;
    }

    /**
     * The hard memory limit alone: v2 {@code memory.max}, v1 {@code memory.limit_in_bytes} (one file, where
     * {@link #readMemory()} reads five on v1).
     *
     * @return the limit, {@link Limit#UNLIMITED} when none is set
     * @throws CgroupException on read failure
     */
    default Limit readMemoryMax() throws CgroupException {
        return readMemory().maxBytes();
    }

    /**
     * The memory limits without the usage: v1 {@code memory.limit_in_bytes}, {@code memory.failcnt} and, with swap
     * accounting, {@code memory.memsw.limit_in_bytes}; v2 {@code memory.max}, {@code memory.high} and
     * {@code memory.swap.max} (where {@link #readMemory()} reads the usage files too).
     *
     * @return the limits
     * @throws CgroupException on read failure
     */
    default MemoryLimits readMemoryLimits() throws CgroupException {
        return MemoryLimits.of(readMemory());
    }

    /**
     * {@code pids.max} alone: the slow-cadence part of {@link #readPids()}.
     *
     * @return the limit, {@link Limit#UNLIMITED} for {@code max}
     * @throws CgroupException on read failure
     */
    default Limit readPidsMax() throws CgroupException {
        return readPids().max();
    }

    /**
     * {@code pids.current} alone: the per-tick part of {@link #readPids()}.
     *
     * @return the number of tasks
     * @throws CgroupException on read failure
     */
    default long readPidsCurrent() throws CgroupException {
        return readPids().current();
    }

    /**
     * Only the named keys of {@code memory.stat} (those the kernel printed), parsed without building the whole map:
     * the per-tick path. The result's {@link MemoryStat#get(String)} is empty for keys not asked for.
     *
     * @param keys the keys wanted
     * @return those keys
     * @throws CgroupException on read failure
     */
    default MemoryStat readMemoryStat(dev.berth.cgroupctl.format.FlatKeyedFormat.Keys keys) throws CgroupException {
        MemoryStat all = readMemoryStat();
        java.util.Map<String, Long> some = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            String k = keys.name(i);
            all.get(k).ifPresent(v -> some.put(k, v));
        }
        return new MemoryStat(some);
    }

    /**
     * Reads CPU time used. v2 {@code cpu.stat}; v1 {@code cpuacct.usage} + {@code cpuacct.usage_user/_sys} (or
     * {@code cpuacct.stat}); hybrid: v1 cpuacct when the cgroup is in that hierarchy, else the unified
     * {@code cpu.stat} (which cgroup2 keeps even without controllers).
     *
     * @return the usage
     * @throws CgroupException on read failure
     */
    CpuUsage readCpuUsage() throws CgroupException;

    /**
     * Reads CFS throttling counters: v2 {@code cpu.stat} (present only when the cpu controller is enabled, else
     * {@link ControllerUnavailableException}); v1 {@code cpu.stat}.
     *
     * @return the counters
     * @throws CgroupException on read failure
     */
    CpuThrottling readCpuThrottling() throws CgroupException;

    /**
     * Reads the CPU quota: v2 {@code cpu.max}; v1 {@code cpu.cfs_quota_us} ({@code -1} = unlimited) and
     * {@code cpu.cfs_period_us}.
     *
     * @return quota and period
     * @throws CgroupException on read failure
     */
    CpuMax readCpuMax() throws CgroupException;

    /**
     * Reads the CPU weight: v2 {@code cpu.weight}; v1 {@code cpu.shares}, converted by {@link CpuWeight#fromShares}.
     *
     * @return the weight, 1..10000
     * @throws CgroupException on read failure
     */
    CpuWeight readCpuWeight() throws CgroupException;

    /**
     * Reads {@code cpuset.cpus} and {@code cpuset.mems} (v2: their {@code .effective} variants when empty).
     *
     * @return the cpuset
     * @throws CgroupException on read failure
     */
    Cpuset readCpuset() throws CgroupException;

    /**
     * Reads memory usage and limits (see {@link MemoryUsage} for the files of each version).
     *
     * @return usage and limits
     * @throws CgroupException on read failure
     */
    MemoryUsage readMemory() throws CgroupException;

    /**
     * When the cgroup was made, as well as the filesystem shows it (kernfs keeps no birth time): the oldest
     * modification time of its directory and of a file the kernel does not rewrite in it, over every hierarchy it
     * is in. This is cAdvisor's estimate ({@code GetSpec} in {@code container/common/helpers.go}), so that
     * {@code container_start_time_seconds} agrees with it. v1: each hierarchy's directory and its
     * {@code cgroup.clone_children}; v2: the directory and {@code cgroup.events}.
     *
     * @return the estimate
     * @throws CgroupException {@link CgroupGoneException} when the cgroup is in no hierarchy
     */
    Instant readCreationTime() throws CgroupException;

    /**
     * Reads {@code memory.stat}. v1 negative values are clamped to 0 (kernel per-cpu counter drift).
     *
     * @return every key of the file
     * @throws CgroupException on read failure
     */
    MemoryStat readMemoryStat() throws CgroupException;

    /**
     * Reads OOM counters: v2 {@code memory.events}; v1 {@code memory.oom_control}, whose {@code oom_kill} line needs
     * Linux 4.13 ({@link ControllerUnavailableException} before).
     *
     * @return the counters
     * @throws CgroupException on read failure
     */
    MemoryEvents readMemoryEvents() throws CgroupException;

    /**
     * Reads per-device block IO: v2 {@code io.stat}; v1 {@code blkio.throttle.io_service_bytes[_recursive]} and
     * {@code blkio.throttle.io_serviced[_recursive]}. v1 charges reads and direct writes to the cgroup that issued
     * them, but not buffered writes: those reach the disk later through the kernel's flusher threads, which v1
     * attributes to the root cgroup (v2's cgroup writeback attributes them to the page's owner). Checked on Linux
     * 6.18 here: 16 MiB of {@code O_DIRECT} writes and a cold 16 MiB read counted in full, 16 MiB of buffered
     * writes plus {@code sync} counted 0.
     *
     * @return per-device counters; empty list when no IO was done
     * @throws CgroupException on read failure
     */
    IoStat readIoStat() throws CgroupException;

    /**
     * Reads the IO throttles in force: v2 {@code io.max}; v1 the four {@code blkio.throttle.*_device} files.
     *
     * @return one entry per device and finite throttle
     * @throws CgroupException on read failure
     */
    List<IoLimit> readIoLimits() throws CgroupException;

    /**
     * Reads {@code pids.current} and {@code pids.max} (same files in both versions).
     *
     * @return current count and limit
     * @throws CgroupException on read failure
     */
    PidsUsage readPids() throws CgroupException;

    /**
     * Reads a PSI file. v2: the cgroup's own file. Hybrid: the unified hierarchy's file. Pure v1 has no per-cgroup
     * PSI: {@link ControllerUnavailableException}; so is a kernel with PSI disabled (EOPNOTSUPP).
     *
     * @param resource which file
     * @return the pressure; {@code full} empty when the kernel prints no such line
     * @throws CgroupException on read failure
     */
    Pressure readPressure(PressureResource resource) throws CgroupException;

    /**
     * Reads the freezer state: v1 {@code freezer.state}; v2 {@code cgroup.freeze} with {@code cgroup.events}
     * {@code frozen}; hybrid: the v1 freezer when the cgroup is in that hierarchy, else the unified files.
     *
     * @return the state
     * @throws CgroupException on read failure
     */
    FreezerState readFreezerState() throws CgroupException;

    /**
     * Applies several changes at once, like {@code runc update}: every value is validated before anything is
     * written; then each is written, in a fixed order (cpu, cpuset, pids, io, memory); if one write fails, the values
     * already written are restored to what they were and the first error is thrown.
     *
     * @param resources the changes
     * @throws IllegalArgumentException if a value is invalid (nothing written)
     * @throws CgroupException if a write fails (earlier writes restored)
     */
    void apply(Resources resources) throws CgroupException;

    /**
     * Writes the CPU quota: v2 {@code cpu.max}; v1 {@code cpu.cfs_period_us} then {@code cpu.cfs_quota_us}.
     *
     * @param cpuMax quota (1000 us or more, or max) and period (1000..1000000 us)
     * @throws CgroupException if the kernel refuses
     */
    void writeCpuMax(CpuMax cpuMax) throws CgroupException;

    /**
     * Writes the CPU weight: v2 {@code cpu.weight}; v1 {@code cpu.shares} = {@link CpuWeight#toShares()}.
     *
     * @param weight 1..10000
     * @throws CgroupException if the kernel refuses
     */
    void writeCpuWeight(long weight) throws CgroupException;

    /**
     * Writes {@code cpuset.cpus} and {@code cpuset.mems}.
     *
     * @param cpus CPU list, e.g. {@code 0-1}
     * @param mems memory node list, e.g. {@code 0}
     * @throws CgroupException if the kernel refuses (e.g. a CPU that does not exist)
     */
    void writeCpuset(String cpus, String mems) throws CgroupException;

    /**
     * Writes the hard memory limit: v2 {@code memory.max}; v1 {@code memory.limit_in_bytes}, keeping the swap
     * allowance (memsw - memory) as it was, in the order the kernel requires (memsw is never below memory). v1 answers
     * EBUSY when usage cannot be reclaimed below the new limit; v2 accepts and OOM-kills instead.
     *
     * @param max the limit in bytes, or max
     * @throws CgroupException if the kernel refuses
     */
    void writeMemoryMax(Limit max) throws CgroupException;

    /**
     * Writes {@code memory.high} (v2). v1 has no such knob: {@link ControllerUnavailableException}.
     *
     * @param high the limit in bytes, or max
     * @throws CgroupException if the kernel refuses or v1
     */
    void writeMemoryHigh(Limit high) throws CgroupException;

    /**
     * Writes the swap limit: v2 {@code memory.swap.max}; v1 {@code memory.memsw.limit_in_bytes} = memory limit +
     * swap (requires a finite memory limit unless swap is max).
     *
     * @param swapMax the limit in bytes, or max
     * @throws CgroupException if the kernel refuses or swap accounting is off
     */
    void writeMemorySwapMax(Limit swapMax) throws CgroupException;

    /**
     * Writes {@code pids.max}.
     *
     * @param max the limit, or max
     * @throws CgroupException if the kernel refuses
     */
    void writePidsMax(Limit max) throws CgroupException;

    /**
     * Sets one IO throttle: v2 one key of {@code io.max}; v1 a line of {@code blkio.throttle.*_device} ({@code 0}
     * for max).
     *
     * @param limit device, kind and value
     * @throws CgroupException if the kernel refuses (e.g. no such device)
     */
    void writeIoLimit(IoLimit limit) throws CgroupException;

    /**
     * Replaces the devices the cgroup's processes may open or create by an allow-list. v1: writes {@code a} to
     * {@code devices.deny}, then each rule to {@code devices.allow}, and reads {@code devices.list} back to confirm.
     * Write it before any process joins: the kernel checks opens, not descriptors already open. v2 has no devices
     * files (its allow-list is a {@code BPF_PROG_TYPE_CGROUP_DEVICE} program attached to the cgroup, which this
     * layer does not do), and a v1 host may not mount the devices hierarchy: both are
     * {@link ControllerUnavailableException}, with nothing written.
     *
     * @param allowed the rules; an empty list allows no device at all
     * @throws CgroupException if the kernel refuses a rule (one the parent does not allow) or lists something else
     *     afterwards; the cgroup may then allow fewer devices than asked (never more), so a caller setting up a new
     *     cgroup removes it
     */
    void writeDevicesAllowList(List<DeviceRule> allowed) throws CgroupException;

    /**
     * The cgroup's directory in the cgroup2 hierarchy: v2's, or the unified hierarchy of a hybrid host; empty on a
     * pure v1 host or when the cgroup is not there. For what a file cannot do: attaching BPF programs (a device
     * allow-list on v2) needs the directory's descriptor.
     *
     * @return the directory, which exists
     */
    java.util.Optional<java.nio.file.Path> cgroup2Directory();

    /**
     * Moves a process into this cgroup, in every hierarchy the cgroup exists in (writes {@code cgroup.procs}).
     *
     * @param pid the process
     * @throws CgroupException if the kernel refuses (e.g. no such process)
     */
    void addProcess(long pid) throws CgroupException;

    /**
     * Freezes every process and waits until they are all stopped. v1 writes {@code FROZEN} to {@code freezer.state}
     * and polls through {@code FREEZING}; v2 writes {@code 1} to {@code cgroup.freeze} and waits for
     * {@code frozen 1} in {@code cgroup.events}. If the deadline passes, the cgroup is thawed again and a
     * {@link CgroupWriteException} says so.
     *
     * @param timeout how long to wait
     * @throws CgroupException if the kernel refuses or the freeze does not complete in time
     */
    void freeze(Duration timeout) throws CgroupException;

    /**
     * Thaws the cgroup and waits until the kernel reports it thawed.
     *
     * @param timeout how long to wait
     * @throws CgroupException if the kernel refuses or the thaw does not complete in time
     */
    void thaw(Duration timeout) throws CgroupException;

    /**
     * Kills every process in the cgroup and its children and waits until it is empty. Writes {@code 1} to
     * {@code cgroup.kill} where it exists (v2 and the unified hierarchy of hybrid hosts, Linux 5.14+); otherwise
     * (and for members that only a v1 hierarchy holds) freezes, sends SIGKILL to each member, thaws, and repeats
     * until no member is left, so a fork loop cannot escape. A cgroup that does not exist has no members, so this
     * returns at once. Refuses (without signalling anyone) when the calling JVM is a member.
     *
     * @param timeout how long to keep trying
     * @throws CgroupException if processes remain after the timeout
     */
    void killAll(Duration timeout) throws CgroupException;
}
