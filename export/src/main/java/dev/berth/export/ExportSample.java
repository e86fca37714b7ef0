package dev.berth.export;

import dev.berth.collectors.ContainerSample;
import dev.berth.collectors.HostSample;
import dev.berth.collectors.ProcessSample;
import dev.berth.collectors.ReadErrorKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one scrape serves: the raw samples of one collector tick, and what that tick cost berth. Counters only,
 * never rates: Prometheus derives rates itself. Immutable.
 *
 * @param at             when the tick started
 * @param sampleDuration how long the tick took (discovery and every read)
 * @param containers     one raw sample per cgroup that was fully read
 * @param host           the host sample; empty before the first tick
 * @param warnings       read problems of the tick (values left out of the scrape because they could not be read)
 * @param self           berth's own process (CPU time, RSS) read just after the tick; empty when unreadable
 * @param readErrors     container read problems since berth started, by kind ({@code Collector#readErrors})
 * @param images         the image of each container whose image is known, by cgroup path
 *                       ({@code ContainerIdentity#cgroup}); a container not in it has no {@code image} label
 */
public record ExportSample(Instant at, Duration sampleDuration, List<ContainerSample> containers,
        Optional<HostSample> host, int warnings, Optional<ProcessSample> self, Map<ReadErrorKind, Long> readErrors,
        Map<String, String> images) {

    public ExportSample {
        containers = List.copyOf(containers);
        readErrors = Map.copyOf(readErrors);
        images = Map.copyOf(images);
    }

    /** A sample with no read errors counted and no images known (tests). */
    public ExportSample(Instant at, Duration sampleDuration, List<ContainerSample> containers,
            Optional<HostSample> host, int warnings, Optional<ProcessSample> self) {
        this(at, sampleDuration, containers, host, warnings, self, Map.of(), Map.of());
    }
}
