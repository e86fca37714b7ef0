package dev.berth.history.report;

import dev.berth.collectors.ContainerIdentity;
import dev.berth.collectors.ContainerSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A container as the user named it with {@code -c}: a name, an id, a cgroup path, or a unique id prefix. Matched
 * against each recorded frame, so a container that no longer exists, or was recreated under the same name, is
 * still found. Immutable.
 *
 * @param text what the user typed
 */
public record ContainerQuery(String text) {

    /** Whether this could name {@code id}: exactly, or as an id prefix (for reading only what a report needs). */
    public boolean couldMatch(ContainerIdentity id) {
        return id.name().equals(text) || id.id().equals(text) || id.cgroup().equals(text) || id.id().startsWith(text);
    }

    /**
     * The container of {@code frame} this names: exact name, id or cgroup first, then an id prefix.
     *
     * @throws ReportException when it names several containers in one frame
     */
    public Optional<ContainerSample> match(List<ContainerSample> frame) {
        List<ContainerSample> exact = new ArrayList<>(1);
        List<ContainerSample> prefixed = new ArrayList<>(1);
        for (ContainerSample c : frame) {
            var id = c.identity();
            if (id.name().equals(text) || id.id().equals(text) || id.cgroup().equals(text)) {
                exact.add(c);
            } else if (id.id().startsWith(text)) {
                prefixed.add(c);
            }
        }
        List<ContainerSample> found = exact.isEmpty() ? prefixed : exact;
        if (found.size() > 1) {
            throw new ReportException("'" + text + "' names " + found.size() + " containers at " + found.get(0).at()
                    + " (" + String.join(", ", found.stream().map(c -> c.identity().cgroup()).toList())
                    + "): give the id or the cgroup path");
        }
        return found.stream().findFirst();
    }
}
