package dev.berth.runtime.control;

import dev.berth.cgroupctl.Cgroup;
import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.ControllerUnavailableException;
import dev.berth.cgroupctl.Limit;
import dev.berth.cgroupctl.MemoryStat;
import dev.berth.cgroupctl.Resources;
import dev.berth.runtime.limits.ByteSize;
import dev.berth.runtime.limits.InvalidLimitException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * Freeze, thaw, kill and change limits of any container berth can see, given its cgroup path:
 * berth's own, Docker's, podman's, LXC's, a systemd unit, or a plain cgroup. Everything goes
 * through cgroupctl, which works the same on v1, v2 and hybrid hosts.
 *
 * <p>Every operation first passes {@link CgroupGuard} (never the root, never berth's own cgroup
 * or an ancestor of it) and checks that the cgroup exists, so that a typo is an error rather
 * than a write into a cgroup the kernel would create on the fly (v1 {@code mkdir} semantics do not
 * apply to writes, but an error naming the path is clearer than ENOENT).
 *
 * <p>Thread-safety: stateless apart from its collaborators; safe to share.
 */
public final class CgroupControl {
    /** How long freeze, thaw and kill-all wait for the kernel before giving up. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final CgroupFs fs;
    private final ProcessSignaller signaller;
    private final CgroupGuard guard;

    /**
     * @param selfPid the pid of the berth process (its cgroups are protected)
     */
    public CgroupControl(CgroupFs fs, ProcessSignaller signaller, long selfPid) {
        this.fs = fs;
        this.signaller = signaller;
        this.guard = new CgroupGuard(fs, selfPid);
    }

    /** Freezes every process of the cgroup and waits until the kernel reports it frozen. */
    public void freeze(String path, Duration timeout) throws ControlException {
        Cgroup cg = existing(path, "freeze");
        try {
            cg.freeze(timeout);
        } catch (CgroupException e) {
            throw new ControlException("cannot freeze " + path + ": " + e.getMessage(), e);
        }
    }

    /** Thaws the cgroup and waits until the kernel reports it thawed. */
    public void thaw(String path, Duration timeout) throws ControlException {
        Cgroup cg = existing(path, "thaw");
        try {
            cg.thaw(timeout);
        } catch (CgroupException e) {
            throw new ControlException("cannot thaw " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Sends a signal. SIGKILL empties the whole cgroup ({@code cgroup.kill}, or freeze-kill-thaw
     * where that file is missing) and waits until it is empty. Any other signal goes to
     * {@code mainPid} when given (berth's own containers: the init process, as {@code docker kill}
     * does), otherwise to every process in the cgroup, since a foreign cgroup has no known
     * main process.
     *
     * @return how many processes were signalled (for SIGKILL: how many were in the cgroup)
     */
    public int kill(String path, KillSignal signal, OptionalLong mainPid, Duration timeout) throws ControlException {
        Cgroup cg = existing(path, "kill");
        try {
            List<Long> procs = cg.readProcs();
            if (signal.number() == KillSignal.KILL.number()) {
                cg.killAll(timeout);
                return procs.size();
            }
            List<Long> targets = mainPid.isPresent() ? List.of(mainPid.getAsLong()) : procs;
            int sent = 0;
            for (long pid : targets) {
                if (signaller.signal(pid, signal)) {
                    sent++;
                }
            }
            return sent;
        } catch (CgroupException | IOException e) {
            throw new ControlException("cannot kill " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Applies limits to a live cgroup, all or nothing: first the checks that need the cgroup's
     * current state (a memory limit below current usage), then cgroupctl's {@code apply}, which
     * validates every value before writing and restores what it wrote if a later write fails.
     *
     * @throws InvalidLimitException if a value does not fit this container (nothing written)
     * @throws ControlException if the kernel refused a write (earlier writes restored)
     */
    public void set(String path, Resources resources) throws ControlException, InvalidLimitException {
        Cgroup cg = existing(path, "change limits of");
        if (resources.isEmpty()) {
            return;
        }
        if (resources.memoryMax().isPresent()) {
            checkMemoryNotBelowUsage(path, cg, resources.memoryMax().get());
        }
        try {
            cg.apply(resources);
        } catch (IllegalArgumentException e) {
            throw new InvalidLimitException(e.getMessage(), e);
        } catch (CgroupException e) {
            throw new ControlException("cannot change limits of " + path + " (nothing changed): " + e.getMessage(), e);
        }
    }

    /**
     * Refuses a hard limit below the memory the container cannot give back: usage minus inactive
     * page cache, the "working set" Docker and the kubelet use. On v1 the kernel would fail the
     * write with EBUSY after trying to reclaim; on v2 it would accept it and OOM-kill.
     */
    private static void checkMemoryNotBelowUsage(String path, Cgroup cg, Limit max) throws InvalidLimitException,
            ControlException {
        if (max.isUnlimited()) {
            return;
        }
        long usage;
        long inactiveFile;
        try {
            usage = cg.readMemory().usageBytes();
            MemoryStat stat = cg.readMemoryStat();
            inactiveFile = stat.inactiveFileBytes().orElse(0);
        } catch (ControllerUnavailableException e) {
            return; // no memory controller for this cgroup: apply() will say so
        } catch (CgroupException e) {
            throw new ControlException("cannot read the memory usage of " + path + ": " + e.getMessage(), e);
        }
        long workingSet = Math.max(0, usage - inactiveFile);
        long wanted = max.value().getAsLong();
        if (wanted < workingSet) {
            throw new InvalidLimitException("--memory " + ByteSize.format(wanted) + " is below the current usage of "
                    + path + " (" + ByteSize.formatApprox(workingSet) + " without reclaimable cache): expected at least "
                    + ByteSize.formatApprox(workingSet) + ", or max");
        }
    }

    private Cgroup existing(String path, String verb) throws ControlException {
        guard.check(path, verb);
        Cgroup cg;
        try {
            cg = fs.cgroup(path);
        } catch (IllegalArgumentException e) {
            throw new ControlException(e.getMessage(), e);
        }
        if (!cg.exists()) {
            throw new ControlException("no such cgroup: " + path);
        }
        return cg;
    }
}
