package dev.berth.runtime.launch;

import dev.berth.cgroupctl.Resources;
import dev.berth.runtime.ContainerName;
import dev.berth.runtime.net.IpPrefix;
import dev.berth.runtime.net.NetworkMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@code berth run} was asked for, parsed but not yet checked against the host (see
 * {@link SpecValidator}).
 *
 * @param name the container's name; empty for a generated one ({@code berth-<short id>})
 * @param rootfs the {@code --rootfs} directory or tar archive
 * @param overlay whether the container writes to its own upper layer over a shared lower one
 *     (always the case for an archive, whose unpacked base is shared)
 * @param hostname the container's hostname; empty for its name
 * @param env {@code K=V} entries, added to (and overriding) PATH, HOSTNAME, HOME and TERM
 * @param workdir absolute working directory inside the container, created if missing; empty for /
 * @param user {@code UID[:GID]} or names from the image; empty for root
 * @param volumes bind mounts
 * @param network the network mode
 * @param ip the address of eth0 ({@link NetworkMode#VETH} only)
 * @param ulimits resource limits of the container's processes, over the default NOFILE 1024
 * @param command the command and its arguments
 * @param tty whether to give the container a pty
 * @param interactive whether to keep stdin attached
 * @param detached whether to run in the background with output to the log file
 * @param autoRemove whether to remove everything when a foreground container exits ({@code --rm})
 * @param resources cgroup limits applied before the command runs
 * @param limitsAsGiven the limit options as the user typed them, for the state file
 * @param seccomp the seccomp profile of the container's processes (and of {@code exec}s into it)
 */
public record LaunchSpec(
        Optional<ContainerName> name,
        Path rootfs,
        boolean overlay,
        Optional<String> hostname,
        List<String> env,
        Optional<String> workdir,
        Optional<String> user,
        List<Volume> volumes,
        NetworkMode network,
        Optional<IpPrefix> ip,
        List<Ulimit> ulimits,
        List<String> command,
        boolean tty,
        boolean interactive,
        boolean detached,
        boolean autoRemove,
        Resources resources,
        Map<String, String> limitsAsGiven,
        SeccompProfile seccomp) {

    public LaunchSpec {
        Objects.requireNonNull(rootfs, "rootfs");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(seccomp, "seccomp");
        env = List.copyOf(env);
        volumes = List.copyOf(volumes);
        ulimits = List.copyOf(ulimits);
        command = List.copyOf(command);
        limitsAsGiven = Map.copyOf(limitsAsGiven);
    }

    /** A spec with the default seccomp profile. */
    public LaunchSpec(Optional<ContainerName> name, Path rootfs, boolean overlay, Optional<String> hostname,
            List<String> env, Optional<String> workdir, Optional<String> user, List<Volume> volumes,
            NetworkMode network, Optional<IpPrefix> ip, List<Ulimit> ulimits, List<String> command, boolean tty,
            boolean interactive, boolean detached, boolean autoRemove, Resources resources,
            Map<String, String> limitsAsGiven) {
        this(name, rootfs, overlay, hostname, env, workdir, user, volumes, network, ip, ulimits, command, tty,
                interactive, detached, autoRemove, resources, limitsAsGiven, SeccompProfile.DEFAULT);
    }

    /** A foreground container running {@code command} in {@code rootfs} with every default. */
    public static LaunchSpec of(Path rootfs, List<String> command) {
        return new LaunchSpec(Optional.empty(), rootfs, false, Optional.empty(), List.of(), Optional.empty(),
                Optional.empty(), List.of(), NetworkMode.NONE, Optional.empty(), List.of(), command, false, false,
                false, false, Resources.none(), Map.of());
    }

    /** This spec with another name. */
    public LaunchSpec withName(ContainerName n) {
        return new LaunchSpec(Optional.of(n), rootfs, overlay, hostname, env, workdir, user, volumes, network, ip,
                ulimits, command, tty, interactive, detached, autoRemove, resources, limitsAsGiven, seccomp);
    }

    /** This spec with {@code --overlay} on or off. */
    public LaunchSpec withOverlay(boolean o) {
        return new LaunchSpec(name, rootfs, o, hostname, env, workdir, user, volumes, network, ip,
                ulimits, command, tty, interactive, detached, autoRemove, resources, limitsAsGiven, seccomp);
    }

    /** This spec with other cgroup limits. */
    public LaunchSpec withResources(Resources r, Map<String, String> asGiven) {
        return new LaunchSpec(name, rootfs, overlay, hostname, env, workdir, user, volumes, network, ip,
                ulimits, command, tty, interactive, detached, autoRemove, r, asGiven, seccomp);
    }

    /** This spec with another network. */
    public LaunchSpec withNetwork(NetworkMode n, Optional<IpPrefix> address) {
        return new LaunchSpec(name, rootfs, overlay, hostname, env, workdir, user, volumes, n, address,
                ulimits, command, tty, interactive, detached, autoRemove, resources, limitsAsGiven, seccomp);
    }

    /** This spec detached (or not). */
    public LaunchSpec withDetached(boolean d) {
        return new LaunchSpec(name, rootfs, overlay, hostname, env, workdir, user, volumes, network, ip,
                ulimits, command, tty, interactive, d, autoRemove, resources, limitsAsGiven, seccomp);
    }

    /** This spec with other bind mounts. */
    public LaunchSpec withVolumes(List<Volume> v) {
        return new LaunchSpec(name, rootfs, overlay, hostname, env, workdir, user, v, network, ip,
                ulimits, command, tty, interactive, detached, autoRemove, resources, limitsAsGiven, seccomp);
    }

    /** This spec with another hostname, user and working directory. */
    public LaunchSpec withIdentity(Optional<String> h, Optional<String> u, Optional<String> w) {
        return new LaunchSpec(name, rootfs, overlay, h, env, w, u, volumes, network, ip,
                ulimits, command, tty, interactive, detached, autoRemove, resources, limitsAsGiven, seccomp);
    }

    /** This spec with another seccomp profile. */
    public LaunchSpec withSeccomp(SeccompProfile p) {
        return new LaunchSpec(name, rootfs, overlay, hostname, env, workdir, user, volumes, network, ip,
                ulimits, command, tty, interactive, detached, autoRemove, resources, limitsAsGiven, p);
    }
}
