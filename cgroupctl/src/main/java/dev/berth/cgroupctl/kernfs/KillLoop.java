package dev.berth.cgroupctl.kernfs;

import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.CgroupGoneException;
import dev.berth.cgroupctl.CgroupWriteException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Empties a cgroup subtree: {@code cgroup.kill} where the cgroup has it, else freeze → SIGKILL every member → thaw,
 * repeated until no member is left or the deadline passes. Freezing first is what makes this work against a fork
 * loop: a frozen task cannot fork, so the member list read while frozen is complete when the signals go out
 * (runc's {@code signalAllProcesses} does the same on cgroups without {@code cgroup.kill}).
 */
public final class KillLoop {
    private KillLoop() {
    }

    /** What the loop needs from a cgroup implementation. */
    public interface Target {
        /** @return pids in the cgroup and its children, in every hierarchy @throws CgroupException on failure */
        List<Long> members() throws CgroupException;

        /** Writes {@code cgroup.kill} if the cgroup has one. @return true if written @throws CgroupException */
        boolean writeKill() throws CgroupException;

        /** @return true if the cgroup can be frozen */
        boolean canFreeze();

        /** Freezes. @throws CgroupException on failure or timeout */
        void freeze(Duration timeout) throws CgroupException;

        /** Thaws. @throws CgroupException on failure */
        void thaw(Duration timeout) throws CgroupException;

        /** @return the file to name in errors, e.g. the cgroup's {@code cgroup.procs} */
        Path file();
    }

    /**
     * @param dirs cgroup directories (a subtree, possibly in several hierarchies)
     * @return the union of their {@code cgroup.procs}, sorted; a directory removed meanwhile counts as empty
     * @throws CgroupException on other read failures
     */
    public static List<Long> procs(List<CgroupDir> dirs) throws CgroupException {
        TreeSet<Long> out = new TreeSet<>();
        for (CgroupDir d : dirs) {
            try {
                out.addAll(d.readProcs());
            } catch (CgroupGoneException e) {
                // A child cgroup removed while we walked: it has no members any more.
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * @param t       the cgroup
     * @param timeout how long to keep trying
     * @throws CgroupException if members remain at the deadline, or the caller's own JVM is a member
     */
    public static void killAll(Target t, Duration timeout) throws CgroupException {
        Deadline deadline = Deadline.after(timeout);
        while (true) {
            List<Long> members = t.members();
            if (members.isEmpty()) {
                return;
            }
            if (Signals.includesSelf(members)) {
                throw new CgroupWriteException(t.file(), "SIGKILL", "refusing: the calling process is a member", null);
            }
            if (deadline.passed()) {
                throw new CgroupWriteException(t.file(), "SIGKILL", "processes still present after " + timeout
                        + ": " + members, null);
            }
            if (t.writeKill() && waitEmpty(t, Deadline.after(Duration.ofMillis(200)))) {
                return;
            }
            boolean frozen = false;
            if (t.canFreeze()) {
                try {
                    t.freeze(min(deadline.remaining(), Duration.ofSeconds(2)));
                    frozen = true;
                } catch (CgroupWriteException e) {
                    // Could not freeze in time (a very fast fork loop on v1): kill what we see anyway and go round
                    // again; every round kills the current generation.
                }
            }
            Signals.sigkill(t.members());
            if (frozen) {
                t.thaw(Duration.ofSeconds(5));
            }
            waitEmpty(t, Deadline.after(Duration.ofMillis(100)));
        }
    }

    private static boolean waitEmpty(Target t, Deadline d) throws CgroupException {
        while (!t.members().isEmpty()) {
            if (d.passed()) {
                return false;
            }
            d.pause();
        }
        return true;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }
}
