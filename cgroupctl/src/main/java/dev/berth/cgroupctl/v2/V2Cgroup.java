package dev.berth.cgroupctl.v2;

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
import dev.berth.cgroupctl.format.SingleValueFormat;
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
import java.util.List;
import java.util.Optional;

/** A cgroup of a pure cgroup2 host: every file in one directory. Immutable; see {@link Cgroup}. */
public final class V2Cgroup extends AbstractCgroup implements OpenCgroup {
    private final Hierarchy hierarchy;
    private final String path;
    private final CgroupDir dir;

    /**
     * @param hierarchy the cgroup2 hierarchy
     * @param path      a normalised cgroup path
     */
    public V2Cgroup(Hierarchy hierarchy, String path) {
        this(hierarchy, path, null);
    }

    /**
     * @param hierarchy the cgroup2 hierarchy
     * @param path      a normalised cgroup path
     * @param budget    descriptors an open cgroup may hold; null for one that holds only its path
     */
    V2Cgroup(Hierarchy hierarchy, String path, FileBudget budget) {
        this.hierarchy = hierarchy;
        this.path = path;
        this.dir = hierarchy.dir(path, budget);
    }

    @Override
    public void close() {
        dir.close();
    }

    @Override
    public CpuStat readCpuStat() throws CgroupException {
        return new CpuController(dir).readCpuStat();
    }

    @Override
    public long readMemoryUsageBytes() throws CgroupException {
        return new MemoryController(dir).readUsageBytes();
    }

    @Override
    public MemoryCurrent readMemoryCurrent() throws CgroupException {
        return new MemoryController(dir).readMemoryCurrent();
    }

    @Override
    public MemoryStat readMemoryStat(FlatKeyedFormat.Keys keys) throws CgroupException {
        return new MemoryController(dir).readMemoryStat(keys);
    }

    @Override
    public Limit readMemoryMax() throws CgroupException {
        return dir.read("memory.max", SingleValueFormat::parseLimit);
    }

    @Override
    public long readPidsCurrent() throws CgroupException {
        return new PidsController(dir).readPidsCurrent();
    }

    @Override
    public List<Long> readMemberPids() throws CgroupException {
        return dir.readBytes("cgroup.procs", ListFormat::parseIds);
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public boolean exists() {
        return dir.exists();
    }

    @Override
    public List<Long> readProcs() throws CgroupException {
        return new CoreController(dir).readProcs().stream().sorted().toList();
    }

    @Override
    public CpuUsage readCpuUsage() throws CgroupException {
        return new CpuController(dir).readCpuUsage();
    }

    @Override
    public CpuThrottling readCpuThrottling() throws CgroupException {
        return in("cpu", () -> new CpuController(dir).readCpuThrottling());
    }

    @Override
    public CpuMax readCpuMax() throws CgroupException {
        return in("cpu", () -> new CpuController(dir).readCpuMax());
    }

    @Override
    public CpuWeight readCpuWeight() throws CgroupException {
        return in("cpu", () -> new CpuController(dir).readCpuWeight());
    }

    @Override
    public Cpuset readCpuset() throws CgroupException {
        return in("cpuset", () -> new CpusetController(dir).readCpuset());
    }

    @Override
    public MemoryUsage readMemory() throws CgroupException {
        return in("memory", () -> new MemoryController(dir).readMemory());
    }

    @Override
    public MemoryLimits readMemoryLimits() throws CgroupException {
        return in("memory", () -> new MemoryController(dir).readMemoryLimits());
    }

    @Override
    public Instant readCreationTime() throws CgroupException {
        return dir.readModifiedSince("cgroup.events");
    }

    @Override
    public MemoryStat readMemoryStat() throws CgroupException {
        return in("memory", () -> new MemoryController(dir).readMemoryStat());
    }

    @Override
    public MemoryEvents readMemoryEvents() throws CgroupException {
        return in("memory", () -> new MemoryController(dir).readMemoryEvents());
    }

    @Override
    public IoStat readIoStat() throws CgroupException {
        return in("io", () -> new IoController(dir).readIoStat());
    }

    @Override
    public List<IoLimit> readIoLimits() throws CgroupException {
        return in("io", () -> new IoController(dir).readIoLimits());
    }

    @Override
    public PidsUsage readPids() throws CgroupException {
        return in("pids", () -> new PidsController(dir).readPids());
    }

    @Override
    public Limit readPidsMax() throws CgroupException {
        return in("pids", () -> new PidsController(dir).readPidsMax());
    }

    @Override
    public Pressure readPressure(PressureResource resource) throws CgroupException {
        return new PressureController(dir).readPressure(resource);
    }

    @Override
    public FreezerState readFreezerState() throws CgroupException {
        return freezer().readFreezerState();
    }

    private FreezerController freezer() throws CgroupException {
        FreezerController f = new FreezerController(dir);
        if (!f.available()) {
            if (!dir.exists()) {
                throw new CgroupGoneException(dir.path(), null);
            }
            throw new ControllerUnavailableException(dir.path().resolve("cgroup.freeze"),
                    "no cgroup freezer (root cgroup, or Linux before 5.2)", null);
        }
        return f;
    }

    @Override
    public void writeCpuMax(CpuMax v, WriteJournal j) throws CgroupException {
        in("cpu", () -> {
            new CpuController(dir).writeCpuMax(v, j);
            return null;
        });
    }

    @Override
    public void writeCpuWeight(long weight, WriteJournal j) throws CgroupException {
        in("cpu", () -> {
            new CpuController(dir).writeCpuWeight(weight, j);
            return null;
        });
    }

    @Override
    public void writeCpusetCpus(String cpus, WriteJournal j) throws CgroupException {
        in("cpuset", () -> {
            new CpusetController(dir).writeCpus(cpus, j);
            return null;
        });
    }

    @Override
    public void writeCpusetMems(String mems, WriteJournal j) throws CgroupException {
        in("cpuset", () -> {
            new CpusetController(dir).writeMems(mems, j);
            return null;
        });
    }

    @Override
    public void writeMemoryMax(Limit v, WriteJournal j) throws CgroupException {
        in("memory", () -> {
            new MemoryController(dir).writeMemoryMax(v, j);
            return null;
        });
    }

    @Override
    public void writeMemoryHigh(Limit v, WriteJournal j) throws CgroupException {
        in("memory", () -> {
            new MemoryController(dir).writeMemoryHigh(v, j);
            return null;
        });
    }

    @Override
    public void writeMemorySwapMax(Limit v, WriteJournal j) throws CgroupException {
        in("memory", () -> {
            new MemoryController(dir).writeMemorySwapMax(v, j);
            return null;
        });
    }

    @Override
    public void writePidsMax(Limit v, WriteJournal j) throws CgroupException {
        in("pids", () -> {
            new PidsController(dir).writePidsMax(v, j);
            return null;
        });
    }

    @Override
    public void writeIoLimit(IoLimit v, WriteJournal j) throws CgroupException {
        in("io", () -> {
            new IoController(dir).writeIoLimit(v, j);
            return null;
        });
    }

    /**
     * Always {@link ControllerUnavailableException}: cgroup v2 has no devices files; its allow-list is a
     * {@code BPF_PROG_TYPE_CGROUP_DEVICE} program attached with {@code bpf(2)} to {@link #cgroup2Directory()}.
     */
    @Override
    public void writeDevicesAllowList(List<DeviceRule> allowed) throws CgroupException {
        throw new ControllerUnavailableException(dir.path(), "cgroup v2 has no devices files (its device allow-list "
                + "is a BPF program attached to the cgroup)", null);
    }

    @Override
    public Optional<Path> cgroup2Directory() {
        return dir.exists() ? Optional.of(dir.path()) : Optional.empty();
    }

    @Override
    public void addProcess(long pid) throws CgroupException {
        new CoreController(dir).addProcess(pid);
    }

    @Override
    public void freeze(Duration timeout) throws CgroupException {
        FreezerController f = freezer();
        refuseSelf("1");
        f.freeze(timeout);
    }

    @Override
    public void thaw(Duration timeout) throws CgroupException {
        freezer().thaw(timeout);
    }

    private void refuseSelf(String value) throws CgroupException {
        if (Signals.includesSelf(KillLoop.procs(hierarchy.subtree(path)))) {
            throw new CgroupWriteException(dir.path().resolve("cgroup.freeze"), value,
                    "refusing: the calling process is a member", null);
        }
    }

    @Override
    public void killAll(Duration timeout) throws CgroupException {
        KillLoop.killAll(new KillLoop.Target() {
            @Override
            public List<Long> members() throws CgroupException {
                return KillLoop.procs(hierarchy.subtree(path));
            }

            @Override
            public boolean writeKill() throws CgroupException {
                CoreController core = new CoreController(dir);
                if (!core.canKill()) {
                    return false;
                }
                core.kill();
                return true;
            }

            @Override
            public boolean canFreeze() {
                return new FreezerController(dir).available();
            }

            @Override
            public void freeze(Duration t) throws CgroupException {
                new FreezerController(dir).freeze(t);
            }

            @Override
            public void thaw(Duration t) throws CgroupException {
                new FreezerController(dir).thaw(t);
            }

            @Override
            public Path file() {
                return dir.path().resolve("cgroup.procs");
            }
        }, timeout);
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws CgroupException;
    }

    /** Runs a controller's read or write; a missing file says whether the controller is delegated here. */
    private <T> T in(String controller, Call<T> call) throws CgroupException {
        try {
            return call.run();
        } catch (ControllerUnavailableException e) {
            throw Delegation.explain(hierarchy, path, controller, e);
        }
    }

    @Override
    public String toString() {
        return "cgroup " + path + " (" + dir.path() + ")";
    }
}
