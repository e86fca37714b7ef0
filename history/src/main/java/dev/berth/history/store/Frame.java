package dev.berth.history.store;

import dev.berth.collectors.ContainerSample;
import dev.berth.collectors.HostSample;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * One recorded tick: the raw host sample and one raw sample per cgroup, exactly as the collectors read them (no
 * rates: history derives those with the collectors' models, like the live view). Immutable.
 *
 * @param at         when the tick started, UTC
 * @param offset     the recorder's zone offset at that instant (kept so a report can say what the local time was)
 * @param host       the host sample
 * @param containers one sample per cgroup, sorted by cgroup path
 * @param recorder   the recorder process's own cost at that instant; empty when it was not measured
 */
public record Frame(Instant at, ZoneOffset offset, HostSample host, List<ContainerSample> containers,
        Optional<RecorderCost> recorder) {

    public Frame {
        containers = List.copyOf(containers);
    }

    /**
     * The recorder's own cumulative cost, read from its {@code /proc/self/stat}.
     *
     * @param cpuUsec  user + system CPU time since the recorder started, microseconds
     * @param rssBytes resident set size, bytes
     */
    public record RecorderCost(long cpuUsec, long rssBytes) {
    }
}
