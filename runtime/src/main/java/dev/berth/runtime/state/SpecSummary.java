package dev.berth.runtime.state;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the container was started with, as the user gave it, for {@code berth ps}/{@code inspect}-style
 * output and for re-reading after the console exits. Nullable components are documented as such.
 *
 * @param command the command and its arguments
 * @param rootfs the {@code --rootfs} argument (a directory or a tar archive)
 * @param overlay whether the rootfs is a shared lower layer with a private upper layer
 * @param hostname the container's hostname, or null for the default (the container name)
 * @param network {@code none}, {@code host} or {@code veth}
 * @param ip the {@code --ip ADDR/PREFIX} argument, or null
 * @param user the {@code -u UID[:GID]} argument, or null (root)
 * @param workdir the {@code -w} argument, or null ({@code /})
 * @param env the {@code -e K=V} arguments, in order
 * @param volumes the {@code -v HOST:CTR[:ro]} arguments, in order
 * @param tty whether a pty was allocated
 * @param detached whether the container was started with {@code -d}
 * @param limits the limit options as given, keyed by option name without dashes (e.g.
 *     {@code cpus -> 0.5}); {@code berth set} updates it
 * @param seccomp {@code default} or {@code unconfined}, the profile of the container and of {@code exec}s into it;
 *     null in a state file written before berth recorded it (such a container runs without a filter, and an
 *     {@code exec} into it gets the default profile)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SpecSummary(
        List<String> command,
        String rootfs,
        boolean overlay,
        String hostname,
        String network,
        String ip,
        String user,
        String workdir,
        List<String> env,
        List<String> volumes,
        boolean tty,
        boolean detached,
        Map<String, String> limits,
        String seccomp) {

    public SpecSummary {
        command = command == null ? List.of() : List.copyOf(command);
        env = env == null ? List.of() : List.copyOf(env);
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
        // sorted, so that state files and listings are stable
        limits = Collections.unmodifiableSortedMap(limits == null ? new TreeMap<>() : new TreeMap<>(limits));
    }

    /** A summary that does not record a seccomp profile. */
    public SpecSummary(List<String> command, String rootfs, boolean overlay, String hostname, String network, String ip,
            String user, String workdir, List<String> env, List<String> volumes, boolean tty, boolean detached,
            Map<String, String> limits) {
        this(command, rootfs, overlay, hostname, network, ip, user, workdir, env, volumes, tty, detached, limits, null);
    }

    /** This summary with {@code changed} merged over its limits (a later {@code set} wins). */
    public SpecSummary withLimits(Map<String, String> changed) {
        TreeMap<String, String> merged = new TreeMap<>(limits);
        merged.putAll(changed);
        return new SpecSummary(command, rootfs, overlay, hostname, network, ip, user, workdir, env, volumes,
                tty, detached, merged, seccomp);
    }
}
