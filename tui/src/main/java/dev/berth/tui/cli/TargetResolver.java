package dev.berth.tui.cli;

import dev.berth.runtime.ContainerName;
import dev.berth.runtime.ContainerNotFoundException;
import dev.berth.runtime.control.ControlException;
import dev.berth.runtime.state.ContainerRecord;
import java.io.IOException;
import java.util.Optional;

/**
 * Resolves the NAME of {@code set}, {@code freeze}, {@code thaw} and {@code kill} to a cgroup, in
 * this order: one of berth's own containers; a cgroup path as {@code berth ps} prints it
 * ({@code /system.slice/nginx.service}, {@code /machine.slice/libpod-<id>.scope}). The first
 * match wins, so a berth container shadows nothing else (paths start with "/", names cannot).
 */
final class TargetResolver {
    /** What a NAME resolved to. {@code own} is present for berth's own containers. */
    record Target(String label, String cgroupPath, Optional<ContainerRecord> own) {
    }

    private final RuntimeContext ctx;

    TargetResolver(RuntimeContext ctx) {
        this.ctx = ctx;
    }

    /**
     * @throws UserDataException if nothing of that name exists, or a berth container has exited
     */
    Target resolve(String name) {
        if (ContainerName.isValid(name)) {
            try {
                ContainerRecord r = ctx.lifecycle.get(ContainerName.of(name));
                if (!r.isActive() && !ctx.fs.cgroup(r.cgroupPath()).exists()) {
                    throw new UserDataException("container " + name + " is not running (it exited"
                            + (r.exitCode() == null ? "" : " with status " + r.exitCode()) + ")");
                }
                return new Target(name, r.cgroupPath(), Optional.of(r));
            } catch (ContainerNotFoundException e) {
                // not one of berth's: try the others
            } catch (ControlException | IOException e) {
                throw new UserDataException(e.getMessage(), e);
            }
        }
        if (name.startsWith("/")) {
            return new Target(name, name, Optional.empty());
        }
        throw new UserDataException("no such container: " + name + " (expected a name or cgroup path that berth ps "
                + "shows)");
    }
}
