package dev.berth.collectors;

import java.util.List;
import java.util.Optional;

/**
 * Who a container is, as found by {@link ContainerDiscovery} in one tick.
 *
 * @param id      runtime id: the 64-hex container id for docker, podman and Kubernetes; the name for LXC,
 *                nspawn and berth; the unit name for systemd; the cgroup path otherwise
 * @param name    display name: docker's and podman's own names when their state is readable, the LXC/nspawn/berth
 *                name, the unit name; otherwise the short id (12 hex digits) or the cgroup path
 * @param runtime what created it
 * @param cgroup  the cgroup path, "/"-rooted, e.g. {@code /system.slice/docker-<id>.scope}
 * @param pod     the Kubernetes pod uid, for {@link ContainerRuntime#KUBERNETES} only
 * @param pids    member pids of the cgroup and every cgroup below it, ascending
 * @param netns   the network namespace of the first member pid that could be read; empty without members
 */
public record ContainerIdentity(String id, String name, ContainerRuntime runtime, String cgroup,
        Optional<String> pod, List<Long> pids, Optional<NetNamespace> netns) {

    public ContainerIdentity {
        pids = List.copyOf(pids);
    }
}
