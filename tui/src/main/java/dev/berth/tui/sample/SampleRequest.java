package dev.berth.tui.sample;

import java.util.Optional;

/**
 * What the next sample must include, as the UI last asked: published by the UI thread after each
 * event, read by the sampler thread before each sample.
 *
 * @param focus the container (by {@link dev.berth.tui.view.ContainerRow#id()}) whose detail to collect
 * @param allCgroups list every cgroup, not only containers (the {@code a} key, {@code --all})
 * @param hostProcesses read every host process (only while the top-processes panel is open: it costs
 *     one read per process)
 */
public record SampleRequest(Optional<String> focus, boolean allCgroups, boolean hostProcesses) {
    /** Containers only, no detail, no host processes. */
    public static final SampleRequest DEFAULT = new SampleRequest(Optional.empty(), false, false);
}
