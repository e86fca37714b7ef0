package dev.berth.ops;

import dev.berth.collectors.ContainerIdentity;
import dev.berth.collectors.discovery.ModifiedFileCache;
import dev.berth.collectors.discovery.RuntimeNames;
import dev.berth.runtime.ContainerName;
import dev.berth.runtime.state.ContainerRecord;
import dev.berth.runtime.state.CorruptStateException;
import dev.berth.runtime.state.StateStore;
import java.io.IOException;
import java.util.Optional;

/**
 * The image a container was made from, where the state on this host says so cheaply (cAdvisor's {@code image}
 * label):
 * <ul>
 *   <li>berth's own containers: the {@code --rootfs} they were started with (a directory or an archive, as the
 *       user gave it), from their {@code state.json};</li>
 *   <li>docker and podman: the image the user named, from their state on disk ({@link RuntimeNames#dockerImage},
 *       {@link RuntimeNames#podmanImage});</li>
 *   <li>anything else (systemd units, plain cgroups, LXC, nspawn, Kubernetes): none. Kubernetes keeps its images
 *       in the CRI runtime, which berth does not ask.</li>
 * </ul>
 * Unreadable or corrupt state means no image, never an error: the exporter shows the container without it.
 * A state file is parsed again only when its modification time changes, so a sample costs one {@code stat} per
 * berth container. Not thread-safe: use from one sampling thread.
 */
public final class ContainerImages {
    private final RuntimeNames runtimes;
    private final StateStore store;
    private final ModifiedFileCache<String, Optional<String>> berth = new ModifiedFileCache<>(Optional.empty());

    /**
     * @param runtimes docker's and podman's state
     * @param store    berth's own state
     */
    public ContainerImages(RuntimeNames runtimes, StateStore store) {
        this.runtimes = runtimes;
        this.store = store;
    }

    /** The image of {@code c}, if known. */
    public Optional<String> image(ContainerIdentity c) {
        return switch (c.runtime()) {
            case BERTH -> berthImage(c.name());
            case DOCKER -> runtimes.dockerImage(c.id());
            case PODMAN -> runtimes.podmanImage(c.id());
            default -> Optional.empty();
        };
    }

    private Optional<String> berthImage(String name) {
        if (!ContainerName.isValid(name)) {
            return Optional.empty();
        }
        ContainerName n = ContainerName.of(name);
        return berth.get(name, store.containerDir(n).resolve(StateStore.STATE_FILE), f -> readRootfs(n));
    }

    private Optional<String> readRootfs(ContainerName n) {
        try {
            return store.load(n).map(ContainerRecord::spec).map(s -> s.rootfs())
                    .filter(r -> !r.isEmpty());
        } catch (IOException | CorruptStateException e) {
            return Optional.empty();   // being replaced, or tampered with: no image this sample
        }
    }
}
