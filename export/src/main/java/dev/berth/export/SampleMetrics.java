package dev.berth.export;

import dev.berth.collectors.ContainerSample;
import dev.berth.collectors.HostMemory;
import dev.berth.collectors.HostSample;
import dev.berth.collectors.ProcessSample;
import dev.berth.collectors.ReadErrorKind;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@link MultiCollector} behind {@code /metrics}: turns the latest published {@link ExportSample} into
 * snapshots, once per sample: a scrape reads no kernel file, and ten scrapers of one sample cost one conversion
 * and ten text writes (the snapshots are immutable, shared by concurrent scrapes). Before the first sample, only
 * the {@code berth_*} figures that exist are served.
 *
 * <p>Thread-safe: {@link #publish} and {@link #collect} may run on different threads (the sampler and the HTTP
 * server's workers); a scrape sees one whole sample, never a mix of two.
 */
final class SampleMetrics implements MultiCollector {
    private final AtomicReference<ExportSample> latest = new AtomicReference<>();
    private final AtomicLong published = new AtomicLong();
    private final AtomicReference<Converted> converted = new AtomicReference<>();

    /** The snapshots of one sample with the sample count they were made with. */
    private record Converted(ExportSample sample, long samplesTaken, MetricSnapshots snapshots) {
    }

    void publish(ExportSample sample) {
        latest.set(sample);
        published.incrementAndGet();
    }

    @Override
    public MetricSnapshots collect() {
        ExportSample s = latest.get();
        long n = published.get();
        Converted c = converted.get();
        if (c != null && c.sample() == s && c.samplesTaken() == n) {
            return c.snapshots();
        }
        // Two scrapes racing here both convert; either result is right for this sample.
        MetricSnapshots m = snapshots(s, n);
        converted.set(new Converted(s, n, m));
        return m;
    }

    /** The snapshots of {@code s} (null before the first sample); package-private for testing. */
    static MetricSnapshots snapshots(ExportSample s, long samplesTaken) {
        Families f = new Families();
        f.counter("berth_samples", "Samples berth has taken since it started (one per interval, whatever the "
                + "number of scrapes)", Labels.EMPTY, OptionalLong.of(samplesTaken));
        if (s == null) {
            return f.build();
        }
        s.host().ifPresent(h -> machine(f, h));
        for (ContainerSample c : s.containers()) {
            ContainerMetrics.add(f, c, Optional.ofNullable(s.images().get(c.identity().cgroup())));
        }
        f.gauge("berth_sample_duration_seconds", "How long the latest sample took (discovery and every read)",
                Labels.EMPTY, OptionalDouble.of(s.sampleDuration().toNanos() / 1e9));
        f.gauge("berth_sample_timestamp_seconds", "When the latest sample was taken (Unix time)", Labels.EMPTY,
                OptionalDouble.of(s.at().toEpochMilli() / 1e3));
        f.gauge("berth_cgroups_sampled", "Cgroups fully read in the latest sample", Labels.EMPTY,
                OptionalLong.of(s.containers().size()));
        f.gauge("berth_sample_read_warnings", "Read problems in the latest sample: values left out of this scrape "
                + "because berth could not read them", Labels.EMPTY, OptionalLong.of(s.warnings()));
        for (ReadErrorKind kind : ReadErrorKind.values()) {
            f.counter("berth_read_errors", "Container values berth could not read since it started, by kind: "
                    + "permission (EACCES), parse (unexpected format), gone (the cgroup vanished mid-sample), other "
                    + "(any other I/O error)", Labels.of("kind", kind.label()),
                    OptionalLong.of(s.readErrors().getOrDefault(kind, 0L)));
        }
        f.counter("berth_process_cpu_seconds", "CPU time berth itself has used (user + system)", Labels.EMPTY,
                s.self().isPresent() ? OptionalDouble.of(s.self().get().cpuUsec() / 1e6) : OptionalDouble.empty());
        f.gauge("berth_process_resident_memory_bytes", "berth's own resident set size", Labels.EMPTY,
                s.self().map(ProcessSample::rssBytes).orElse(OptionalLong.empty()));
        return f.build();
    }

    private static void machine(Families f, HostSample h) {
        f.gauge("machine_cpu_cores", "Number of logical CPU cores (cpuN lines of /proc/stat)", Labels.EMPTY,
                h.stat().isPresent() ? OptionalLong.of(h.stat().get().perCore().size()) : OptionalLong.empty());
        f.gauge("machine_memory_bytes", "Amount of memory installed on the machine (MemTotal)", Labels.EMPTY,
                h.memory().isPresent() ? OptionalLong.of(h.memory().map(HostMemory::totalBytes).get())
                        : OptionalLong.empty());
    }
}
