package dev.berth.tui.cli;

import dev.berth.cgroupctl.CgroupException;
import dev.berth.collectors.ContainerDiscovery;
import dev.berth.collectors.ContainerIdentity;
import dev.berth.collectors.discovery.RuntimeNames;
import dev.berth.runtime.ContainerName;
import dev.berth.runtime.ContainerNotFoundException;
import dev.berth.runtime.control.ControlException;
import dev.berth.runtime.state.ContainerRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Resolves the NAME of {@code set}, {@code freeze}, {@code thaw} and {@code kill} to a cgroup, in
 * this order:
 * <ol>
 * <li>one of berth's own containers (its state knows the cgroup even under a custom parent);</li>
 * <li>a "/"-rooted cgroup path, as {@code berth ps --all} prints it ({@code CgroupControl} checks
 *     that it exists);</li>
 * <li>whatever else {@code berth ps --all} lists (collectors' {@link ContainerDiscovery}): a docker
 *     or podman name or id (a unique prefix of at least 3 hex digits will do, as with docker), an
 *     LXC name, a systemd unit name.</li>
 * </ol>
 * This lives in the CLI because runtime must not depend on collectors.
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
     * @throws UserDataException if nothing of that name exists, a berth container has exited, or a
     *     name matches several containers
     */
    Target resolve(String name) {
        Optional<Target> own = ownContainer(name);
        if (own.isPresent()) {
            return own.get();
        }
        if (name.startsWith("/")) {
            // a path names its cgroup directly: discovery would only find the same path, after walking them all
            return new Target(name, name, Optional.empty());
        }
        Optional<Target> discovered = discovered(name);
        if (discovered.isPresent()) {
            return discovered.get();
        }
        throw new UserDataException("no such container: " + name + " (expected a name, id or cgroup path that "
                + "'berth ps --all' shows)");
    }

    private Optional<Target> ownContainer(String name) {
        if (!ContainerName.isValid(name)) {
            return Optional.empty();
        }
        try {
            ContainerRecord r = ctx.lifecycle.get(ContainerName.of(name));
            if (!r.isActive() && !ctx.fs.cgroup(r.cgroupPath()).exists()) {
                throw new UserDataException("container " + name + " is not running (it exited"
                        + (r.exitCode() == null ? "" : " with status " + r.exitCode()) + ")");
            }
            return Optional.of(new Target(name, r.cgroupPath(), Optional.of(r)));
        } catch (ContainerNotFoundException e) {
            return Optional.empty();
        } catch (ControlException | IOException e) {
            throw ControlErrors.userError(e);
        }
    }

    private Optional<Target> discovered(String name) {
        List<ContainerIdentity> all;
        try {
            Path fsRoot = ctx.procfs.toAbsolutePath().getParent();
            ContainerDiscovery discovery = new ContainerDiscovery(ctx.fs, ctx.procfs,
                    new RuntimeNames(fsRoot == null ? ctx.procfs : fsRoot));
            all = discovery.discover(true, warning -> { });
        } catch (CgroupException e) {
            throw new UserDataException("cannot list containers: " + e.getMessage(), e);
        }
        List<ContainerIdentity> exact = matching(all, c -> c.name().equals(name) || c.id().equals(name)
                || c.cgroup().equals(name));
        if (exact.isEmpty() && name.matches("[0-9a-f]{3,63}")) {
            exact = matching(all, c -> c.id().matches("[0-9a-f]{64}") && c.id().startsWith(name));
        }
        if (exact.size() > 1) {
            throw new UserDataException("\"" + name + "\" matches " + exact.size() + " containers: "
                    + exact.stream().map(ContainerIdentity::cgroup).collect(Collectors.joining(", "))
                    + "; give the cgroup path instead");
        }
        return exact.stream().findFirst().map(c -> new Target(name, c.cgroup(), Optional.empty()));
    }

    private static List<ContainerIdentity> matching(List<ContainerIdentity> all, Predicate<ContainerIdentity> p) {
        return all.stream().filter(p).toList();
    }
}
