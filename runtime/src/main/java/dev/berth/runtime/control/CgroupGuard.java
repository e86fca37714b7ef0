package dev.berth.runtime.control;

import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.ProcCgroup;

/**
 * Refuses control operations that would hit berth itself or the whole host: the root cgroup, a
 * path that is not in canonical "/"-rooted form (so cannot escape the hierarchy through ".."),
 * and any cgroup that contains berth's own process, in any hierarchy. Freezing an ancestor of
 * berth's cgroup would freeze the console that has to thaw it; kill-all would kill the console
 * and, for {@code /user.slice}, the operator's SSH session.
 */
final class CgroupGuard {
    private final CgroupFs fs;
    private final long selfPid;

    CgroupGuard(CgroupFs fs, long selfPid) {
        this.fs = fs;
        this.selfPid = selfPid;
    }

    /**
     * @param verb what is about to happen, for the message ("freeze", "kill")
     * @throws ControlException if {@code path} must not be touched
     */
    void check(String path, String verb) throws ControlException {
        checkSyntax(path);
        if (path.equals("/")) {
            throw new ControlException("refusing to " + verb + " the root cgroup: it holds every process on the host");
        }
        ProcCgroup self;
        try {
            self = fs.readProcCgroup(selfPid);
        } catch (CgroupException e) {
            throw new ControlException("cannot read berth's own cgroup to check that " + path
                    + " does not contain it: " + e.getMessage(), e);
        }
        for (ProcCgroup.Entry e : self.entries()) {
            if (isAncestorOrSelf(path, e.path())) {
                throw new ControlException("refusing to " + verb + " " + path + ": it contains berth itself (pid "
                        + selfPid + " is in " + e.path() + ")");
            }
        }
    }

    /** Canonical cgroup paths only: "/"-rooted, no empty, "." or ".." components, no trailing "/". */
    static void checkSyntax(String path) throws ControlException {
        if (path == null || !path.startsWith("/")) {
            throw new ControlException("invalid cgroup path \"" + path + "\": expected an absolute path such as /berth/web");
        }
        if (path.equals("/")) {
            return;
        }
        for (String part : path.substring(1).split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw new ControlException("invalid cgroup path \"" + path + "\": \"" + part
                        + "\" components are not accepted (the path must stay inside the cgroup hierarchy)");
            }
        }
    }

    /** Whether {@code candidate} is {@code path} or one of its ancestors. */
    static boolean isAncestorOrSelf(String candidate, String path) {
        return candidate.equals("/") || path.equals(candidate) || path.startsWith(candidate + "/");
    }
}
