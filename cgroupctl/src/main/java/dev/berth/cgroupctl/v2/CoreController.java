package dev.berth.cgroupctl.v2;

import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.format.FlatKeyedFormat;
import dev.berth.cgroupctl.kernfs.CgroupDir;
import java.util.List;

/**
 * The cgroup2 core files every cgroup has: {@code cgroup.procs}, {@code cgroup.events} ({@code populated}),
 * {@code cgroup.kill} (Linux 5.14+, not in the root cgroup).
 */
public final class CoreController {
    private final CgroupDir dir;

    /** @param dir the cgroup's directory */
    public CoreController(CgroupDir dir) {
        this.dir = dir;
    }

    /** Reads {@code cgroup.procs}. @return the pids @throws CgroupException on failure */
    public List<Long> readProcs() throws CgroupException {
        return dir.readProcs();
    }

    /** Writes a pid to {@code cgroup.procs}. @throws CgroupException if refused */
    public void addProcess(long pid) throws CgroupException {
        dir.write("cgroup.procs", Long.toString(pid));
    }

    /**
     * @return true while a process is in this cgroup or a child ({@code cgroup.events populated 1})
     * @throws CgroupException on failure
     */
    public boolean populated() throws CgroupException {
        return dir.read("cgroup.events", c -> FlatKeyedFormat.require(FlatKeyedFormat.parse(c), "populated")) == 1;
    }

    /** @return true if this cgroup has {@code cgroup.kill} */
    public boolean canKill() {
        return dir.has("cgroup.kill");
    }

    /**
     * Writes 1 to {@code cgroup.kill}: the kernel sends SIGKILL to every process of the subtree and makes forks that
     * race with it fail, so one write is enough even for a fork loop.
     *
     * @throws CgroupException if refused
     */
    public void kill() throws CgroupException {
        dir.write("cgroup.kill", "1");
    }
}
