package dev.berth.collectors.discovery;

import dev.berth.collectors.ContainerRuntime;
import java.util.Optional;

/**
 * What a cgroup path says about its owner, before any name lookup.
 *
 * @param runtime the runtime recognised
 * @param id      the runtime's id (container id, LXC/nspawn/berth name, unit name, or the path)
 * @param name    a name when the path carries one (LXC, nspawn, berth, systemd, plain cgroups); empty for
 *                runtimes whose names live in their own state (docker, podman) or nowhere (Kubernetes)
 * @param pod     the Kubernetes pod uid
 */
public record Classification(ContainerRuntime runtime, String id, Optional<String> name, Optional<String> pod) {
}
