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
     * a short thaw lets the fork finish so the next attempt sees every task. The rhythm is runc's
     * ({@code fs/freezer.go}: up to 1000 attempts, a 10 ms thaw every 50th, tested by its authors on RHEL 7 and
     * Ubuntu 20.04 kernels, the v1 freezer having no kernel fix); we bound by the caller's timeout instead of a
     * count.
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
        String s = dir.readBytes(STATE, (c, n) -> SingleValueFormat.parseLine(
                new String(c, 0, n, java.nio.charset.StandardCharsets.US_ASCII)));
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
            // 1 ms between attempts (runc retries back to back): a task leaving a short system call freezes within
            // microseconds, and on this 2-core machine a fork loop of ~200 processes froze within 60 ms this way
            // (LiveCgroupTest, kill-all without cgroup.kill).
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
