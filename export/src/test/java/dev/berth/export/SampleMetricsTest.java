package dev.berth.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SampleMetricsTest {
    private static ExportSample sample(String name) {
        return new ExportSample(Samples.AT, Duration.ofMillis(20), List.of(Samples.full(name)), Optional.empty(), 0,
                Optional.empty(), Map.of(), Map.of());
    }

    private static double samplesTaken(MetricSnapshots m) {
        for (MetricSnapshot s : m) {
            if (s.getMetadata().getName().equals("berth_samples")) {
                return ((CounterSnapshot) s).getDataPoints().get(0).getValue();
            }
        }
        throw new AssertionError("no berth_samples in the scrape");
    }

    @Test
    void aSampleIsConvertedOnceWhateverTheNumberOfScrapes() {
        SampleMetrics metrics = new SampleMetrics();
        metrics.publish(sample("web"));
        MetricSnapshots first = metrics.collect();
        assertSame(first, metrics.collect());
        assertSame(first, metrics.collect());
        assertEquals(1.0, samplesTaken(first));

        metrics.publish(sample("db"));
        MetricSnapshots second = metrics.collect();
        assertNotSame(first, second);
        assertEquals(2.0, samplesTaken(second));
        assertSame(second, metrics.collect());
    }
}
