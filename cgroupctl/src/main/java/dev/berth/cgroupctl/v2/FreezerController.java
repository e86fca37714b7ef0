package dev.berth.cgroupctl.v2;

import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.CgroupWriteException;
import dev.berth.cgroupctl.FreezerState;
import dev.berth.cgroupctl.format.FlatKeyedFormat;
import dev.berth.cgroupctl.format.SingleValueFormat;
import dev.berth.cgroupctl.kernfs.CgroupDir;
import dev.berth.cgroupctl.kernfs.Deadline;
import java.time.Duration;

/**
 * The cgroup2 freezer (Linux 5.2+): write {@code cgroup.freeze}, then wait for {@code cgroup.events} to say
 * {@code frozen 1}. Unlike v1 there is no FREEZING state in a file: the kernel freezes tasks as they return to user
 * space, and reports {@code frozen 1} once all have stopped; a task in a long system call delays it. The root cgroup
 * has no {@code cgroup.freeze}.
 */
public final class FreezerController {
    private final CgroupDir dir;

    /** @param dir the cgroup's directory */
    public FreezerController(CgroupDir dir) {
        this.dir = dir;
    }

    /** @return true if this cgroup has {@code cgroup.freeze} */
    public boolean available() {
        return dir.has("cgroup.freeze");
    }

    /**
     * {@link FreezerState#FROZEN} when {@code cgroup.events} says {@code frozen 1} (also when a parent froze it),
     * {@link FreezerState#FREEZING} when {@code cgroup.freeze} is 1 but not all tasks stopped yet.
     *
     * @return the state
     * @throws CgroupException on failure
     */
    public FreezerState readFreezerState() throws CgroupException {
        long requested = dir.read("cgroup.freeze", SingleValueFormat::parseUnsigned);
        if (frozen()) {
            return FreezerState.FROZEN;
        }
        return requested == 1 ? FreezerState.FREEZING : FreezerState.THAWED;
    }

    private boolean frozen() throws CgroupException {
        return dir.read("cgroup.events", c -> FlatKeyedFormat.require(FlatKeyedFormat.parse(c), "frozen")) == 1;
    }

    /** Freezes and waits for {@code frozen 1}; thaws again on timeout. @throws CgroupException on failure */
    public void freeze(Duration timeout) throws CgroupException {
        set(1, timeout);
    }

    /** Thaws and waits for {@code frozen 0}. @throws CgroupException on failure */
    public void thaw(Duration timeout) throws CgroupException {
        set(0, timeout);
    }

    private void set(int want, Duration timeout) throws CgroupException {
        Deadline deadline = Deadline.after(timeout);
        dir.write("cgroup.freeze", Integer.toString(want));
        // Read back: a write that the kernel took but did not apply (e.g. a cgroup being removed) must not pass
        // for a freeze.
        long now = dir.read("cgroup.freeze", SingleValueFormat::parseUnsigned);
        if (now != want) {
            throw new CgroupWriteException(dir.path().resolve("cgroup.freeze"), Integer.toString(want),
                    "reads back " + now, null);
        }
        while (frozen() != (want == 1)) {
            if (deadline.passed()) {
                if (want == 1) {
                    // Never leave a cgroup half-frozen behind a failed call.
                    dir.write("cgroup.freeze", "0");
                }
                throw new CgroupWriteException(dir.path().resolve("cgroup.freeze"), Integer.toString(want),
                        "cgroup.events still says frozen " + (want == 1 ? 0 : 1) + " after " + timeout
                                + (want == 1 ? "; thawed again" : ""), null);
            }
            deadline.pause();
        }
    }
}
