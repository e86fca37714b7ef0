package dev.berth.tui.cli;

import dev.berth.collectors.ContainerIdentity;
import dev.berth.collectors.ContainerModel;
import dev.berth.collectors.ContainerRuntime;
import dev.berth.runtime.RuntimeConfig;
import dev.berth.runtime.state.ContainerRecord;
import dev.berth.runtime.state.CorruptStateException;
import dev.berth.runtime.state.StateStore;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * berth's own containers that the state store knows but the cgroup tree does not show: one that was
 * stopped (stop removes the cgroup), or one whose launch was killed before its cgroup was created.
 * {@code ps --all} lists them as exited, because each holds its name until {@code berth rm}: before,
 * such a container was invisible yet made {@code run --name} say "already in use" (issue 10 defect 3).
 * A container whose state is unreadable is listed too, by name, with an empty id.
 */
final class StoredContainers {
    private StoredContainers() {
    }

    /**
     * The rows to add to {@code rows}: a state store entry whose cgroup is not among them. A state
     * dir that does not exist or that this user cannot list adds nothing (a non-root {@code ps}).
     */
    static List<ContainerModel> missingFrom(List<ContainerModel> rows, RuntimeConfig config, Instant at) {
        StateStore.Listing listing;
        try {
            listing = new StateStore(config.stateDir()).list();
        } catch (IOException e) {
            return List.of();
        }
        Set<String> shown = new HashSet<>();
        rows.forEach(r -> shown.add(r.identity().cgroup()));
        List<ContainerModel> out = new ArrayList<>();
        for (ContainerRecord r : listing.records()) {
            if (!shown.contains(r.cgroupPath())) {
                out.add(ContainerModel.unmeasured(identity(r.id().value(), r.name().value(), r.cgroupPath()), at));
            }
        }
        for (CorruptStateException e : listing.corrupt()) {
            String cgroup = config.cgroupPathOf(e.name());
            if (!shown.contains(cgroup)) {
                out.add(ContainerModel.unmeasured(identity("", e.name().value(), cgroup), at));
            }
        }
        return out;
    }

    private static ContainerIdentity identity(String id, String name, String cgroup) {
        return new ContainerIdentity(id, name, ContainerRuntime.BERTH, cgroup, Optional.empty(), List.of(),
                Optional.empty());
    }
}
