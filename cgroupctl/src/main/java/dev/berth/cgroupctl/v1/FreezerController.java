package dev.berth.cgroupctl.v1;

import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.CgroupWriteException;
import dev.berth.cgroupctl.FreezerState;
import dev.berth.cgroupctl.MalformedCgroupFileException;
import dev.berth.cgroupctl.format.SingleValueFormat;
import dev.berth.cgroupctl.kernfs.CgroupDir;
import dev.berth.cgroupctl.kernfs.Deadline;
import java.time.Duration;

/**
 * The v1 freezer: {@code freezer.state} ({@code THAWED}, {@code FREEZING}, {@code FROZEN}); not in the root cgroup.
 */
public final class FreezerController {
    private static final String STATE = "freezer.state";

    /**
     * Every this many attempts, thaw for {@link #THAW_PAUSE_MS} before writing FROZEN again. A task caught in the
     * middle of fork() can hold a cgroup in FREEZING while its new child, not yet frozen, keeps it from completing;
     * a short thaw lets the fork finish so the next attempt sees every task. runc's {@code fs/freezer.go} found
     * 50 attempts and a 10 ms pause enough to freeze fork-heavy workloads on 4.x/5.x kernels, with up to 1000
     * attempts; we bound by the caller's timeout instead of a count.
     */
    static final int THAW_EVERY = 50;
    /** See {@link #THAW_EVERY}. */
    static final long THAW_PAUSE_MS = 10;

    private final CgroupDir dir;

    /** @param dir the cgroup's directory in the freezer hierarchy */
    public FreezerController(CgroupDir dir) {
        this.dir = dir;
    }

    /** @return true if this cgroup has {@code freezer.state} (not the root) */
    public boolean available() {
        return dir.has(STATE);
    }

    /** Reads {@code freezer.state}. @return the state @throws CgroupException on failure */
    public FreezerState readFreezerState() throws CgroupException {
        String s = dir.read(STATE, SingleValueFormat::parseLine);
        try {
            return FreezerState.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw new MalformedCgroupFileException(dir.path().resolve(STATE), s,
                    "expected THAWED, FREEZING or FROZEN", e);
        }
    }

    /**
     * Writes {@code FROZEN} until the state reads {@code FROZEN}. The kernel moves through {@code FREEZING} while
     * tasks enter the refrigerator; older kernel docs (Documentation/cgroup-v1/freezer-subsystem.rst) tell
     * userspace to retry or thaw when FREEZING persists, and it does persist while tasks keep forking. On timeout
     * the cgroup is thawed again, so a failed freeze never leaves it half-frozen.
     *
     * @throws CgroupException if refused or not frozen in time
     */
    public void freeze(Duration timeout) throws CgroupException {
        Deadline deadline = Deadline.after(timeout);
        FreezerState state = FreezerState.THAWED;
        for (int attempt = 1; ; attempt++) {
            if (attempt % THAW_EVERY == 0) {
                dir.write(STATE, "THAWED");
                sleep(THAW_PAUSE_MS);
            }
            dir.write(STATE, "FROZEN");
            state = readFreezerState();
            if (state == FreezerState.FROZEN) {
                return;
            }
            if (deadline.passed()) {
                dir.write(STATE, "THAWED");
                throw new CgroupWriteException(dir.path().resolve(STATE), "FROZEN", "still " + state + " after "
                        + timeout + " (" + attempt + " attempts); thawed again", null);
            }
            // 1 ms between attempts: a task leaving a short system call freezes within microseconds, so polling
            // faster only burns CPU the frozen-to-be tasks might need.
            sleep(1);
        }
    }

    /** Writes {@code THAWED} and waits until it reads so. @throws CgroupException if refused or not in time */
    public void thaw(Duration timeout) throws CgroupException {
        Deadline deadline = Deadline.after(timeout);
        dir.write(STATE, "THAWED");
        FreezerState s;
        while ((s = readFreezerState()) != FreezerState.THAWED) {
            if (deadline.passed()) {
                throw new CgroupWriteException(dir.path().resolve(STATE), "THAWED", "still " + s + " after "
                        + timeout, null);
            }
            deadline.pause();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while freezing", e);
        }
    }
}
