package dev.berth.ops;

import dev.berth.runtime.state.ContainerRecord;
import java.util.Objects;
import java.util.Optional;

/**
 * What a NAME resolved to ({@link Containers#resolve}).
 *
 * @param label the NAME as given, for messages
 * @param cgroupPath the cgroup the verbs act on, "/"-rooted; for berth's own containers always
 *     {@code <cgroup parent>/<name>}, whatever the state file says
 * @param own berth's state record, present exactly for berth's own containers (ownership is the state record,
 *     never the shape of the cgroup path)
 */
public record Target(String label, String cgroupPath, Optional<ContainerRecord> own) {
    public Target {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(cgroupPath, "cgroupPath");
        Objects.requireNonNull(own, "own");
    }
}
