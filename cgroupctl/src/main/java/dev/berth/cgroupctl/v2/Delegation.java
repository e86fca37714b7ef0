package dev.berth.cgroupctl.v2;

import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.ControllerUnavailableException;
import dev.berth.cgroupctl.format.ListFormat;
import dev.berth.cgroupctl.kernfs.CgroupDir;
import dev.berth.cgroupctl.kernfs.Hierarchy;
import java.util.List;

/**
 * Says why a v2 controller's files are missing from a cgroup. On cgroup v2 a cgroup has a controller's files
 * only when its parent lists the controller in {@code cgroup.subtree_control}, and a parent can enable only what
 * its own {@code cgroup.controllers} lists: what its parent, up to the root or the delegation boundary (a
 * systemd service with {@code Delegate=}, a container's cgroup namespace), handed down. Pure reads; thread-safe.
 */
final class Delegation {
    private Delegation() {
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    /**
     * @param hierarchy  the cgroup2 hierarchy
     * @param path       the cgroup whose file was missing
     * @param controller the controller that owns the file, e.g. {@code cpuset}
     * @param missing    the exception for the missing file
     * @return an exception naming the parent and whether the controller is not delegated to it or only not
     *         enabled there; {@code missing} itself when the cgroup does list the controller (the file is missing
     *         for another reason) or the files cannot be read
     */
    static ControllerUnavailableException explain(Hierarchy hierarchy, String path, String controller,
                                                  ControllerUnavailableException missing) {
        if (path.equals("/")) {
            return missing;
        }
        try {
            CgroupDir dir = hierarchy.dir(path);
            if (!dir.has("cgroup.controllers")
                    || dir.read("cgroup.controllers", ListFormat::parseWords).contains(controller)) {
                return missing;
            }
            // Up from the parent to the nearest cgroup that has the controller: that one did not enable it for the
            // next one down; if none has it up to the root of the visible hierarchy, it was never delegated here.
            String below = path;
            String at = parentOf(path);
            while (true) {
                List<String> offered = hierarchy.dir(at).read("cgroup.controllers", ListFormat::parseWords);
                if (offered.contains(controller)) {
                    // (v2 refuses to enable a domain controller, memory or io, in a cgroup that holds processes)
                    String reason = "the " + controller + " controller is not enabled in " + at
                            + "'s cgroup.subtree_control, so " + below + " has no " + controller + " files";
                    return new ControllerUnavailableException(missing.file(), reason, missing);
                }
                if (at.equals("/")) {
                    String reason = "the " + controller + " controller is not delegated to / (its cgroup.controllers: "
                            + (offered.isEmpty() ? "none" : String.join(" ", offered)) + ")";
                    return new ControllerUnavailableException(missing.file(), reason, missing);
                }
                below = at;
                at = parentOf(at);
            }
        } catch (CgroupException e) {
            return missing;
        }
    }
}
