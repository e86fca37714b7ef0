package dev.berth.export;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Collects the data points of one scrape by metric name and builds client_java snapshots from them. An empty
 * value adds nothing, so a reading berth could not take is absent from the scrape, never 0; a family without
 * any data point is left out. Not thread-safe: one instance per scrape.
 */
final class Families {
    private enum Type { COUNTER, GAUGE }

    private record Point(Labels labels, double value) {
    }

    private record Family(Type type, String help, List<Point> points) {
    }

    private final Map<String, Family> byName = new LinkedHashMap<>();

    /**
     * Adds a counter data point. {@code name} is without {@code _total}: client_java appends it in the exposition.
     */
    void counter(String name, String help, Labels labels, OptionalDouble value) {
        add(Type.COUNTER, name, help, labels, value);
    }

    /** As {@link #counter(String, String, Labels, OptionalDouble)} for an integer reading. */
    void counter(String name, String help, Labels labels, OptionalLong value) {
        add(Type.COUNTER, name, help, labels, value.isPresent() ? OptionalDouble.of(value.getAsLong())
                : OptionalDouble.empty());
    }

    /** Adds a gauge data point. */
    void gauge(String name, String help, Labels labels, OptionalDouble value) {
        add(Type.GAUGE, name, help, labels, value);
    }

    /** As {@link #gauge(String, String, Labels, OptionalDouble)} for an integer reading. */
    void gauge(String name, String help, Labels labels, OptionalLong value) {
        add(Type.GAUGE, name, help, labels, value.isPresent() ? OptionalDouble.of(value.getAsLong())
                : OptionalDouble.empty());
    }

    private void add(Type type, String name, String help, Labels labels, OptionalDouble value) {
        Family f = byName.computeIfAbsent(name, n -> new Family(type, help, new ArrayList<>()));
        if (f.type() != type) {
            throw new IllegalStateException("metric " + name + " added as " + type + " and " + f.type());
        }
        if (value.isPresent()) {
            f.points().add(new Point(labels, value.getAsDouble()));
        }
    }

    /** The snapshots of every family that has at least one data point, in the order first added. */
    MetricSnapshots build() {
        List<MetricSnapshot> out = new ArrayList<>();
        byName.forEach((name, f) -> {
            if (f.points().isEmpty()) {
                return;
            }
            if (f.type() == Type.COUNTER) {
                CounterSnapshot.Builder b = CounterSnapshot.builder().name(name).help(f.help());
                f.points().forEach(p -> b.dataPoint(CounterDataPointSnapshot.builder().labels(p.labels())
                        .value(p.value()).build()));
                out.add(b.build());
            } else {
                GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(f.help());
                f.points().forEach(p -> b.dataPoint(GaugeDataPointSnapshot.builder().labels(p.labels())
                        .value(p.value()).build()));
                out.add(b.build());
            }
        });
        return new MetricSnapshots(out);
    }
}
