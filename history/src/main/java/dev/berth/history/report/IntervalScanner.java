package dev.berth.history.report;

import dev.berth.collectors.ContainerModel;
import dev.berth.collectors.ContainerSample;
import dev.berth.collectors.HostModel;
import dev.berth.collectors.HostSample;
import dev.berth.history.store.Frame;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * Turns frames, fed in time order, into one {@link Row} per interval: the interval's figures are derived by the
 * collectors' {@link HostModel#derive} and {@link ContainerModel#derive} from the last sample before the interval
 * (or the period's first sample) to the last sample in it, the same maths as the live view over a longer span.
 * Gauges (memory) are those of the last sample. Intervals are aligned to multiples of their length since the epoch
 * (UTC), so rows stay continuous when the zone's offset changes. Not thread-safe.
 */
public final class IntervalScanner implements Consumer<Frame> {
    private final Duration interval;
    private final List<ContainerQuery> queries;
    private final List<Column> columns;
    private final Consumer<Row> rows;
    private final boolean[] matched;
    private Point boundary;
    private Point last;
    private long bucket;
    private long frames;

    /** The host sample and the chosen containers' samples of one frame. */
    private record Point(Instant at, ZoneOffset offset, HostSample host, List<Optional<ContainerSample>> containers) {
    }

    /**
     * @param interval the row length
     * @param queries  the chosen containers, in column order
     * @param columns  the columns, as {@link Report#columns} builds them for these queries
     * @param rows     receives each row when its interval is complete (or at {@link #finish})
     */
    public IntervalScanner(Duration interval, List<ContainerQuery> queries, List<Column> columns, Consumer<Row> rows) {
        this.interval = interval;
        this.queries = List.copyOf(queries);
        this.columns = List.copyOf(columns);
        this.rows = rows;
        this.matched = new boolean[queries.size()];
    }

    @Override
    public void accept(Frame f) {
        List<Optional<ContainerSample>> cs = new ArrayList<>(queries.size());
        for (int i = 0; i < queries.size(); i++) {
            Optional<ContainerSample> m = queries.get(i).match(f.containers());
            matched[i] |= m.isPresent();
            cs.add(m);
        }
        Point p = new Point(f.at(), f.offset(), f.host(), cs);
        long b = Math.floorDiv(Duration.between(Instant.EPOCH, f.at()).toNanos(), interval.toNanos());
        frames++;
        if (last == null) {
            boundary = p;
        } else if (b != bucket) {
            emit();
            boundary = last;
        }
        bucket = b;
        last = p;
    }

    /** Emits the last, possibly partial, interval. */
    public void finish() {
        if (last != null) {
            emit();
            boundary = last;
            last = null;
        }
    }

    /** Frames seen so far. */
    public long frames() {
        return frames;
    }

    /** Whether the {@code i}-th query matched a container in any frame so far. */
    public boolean matched(int i) {
        return matched[i];
    }

    private void emit() {
        HostModel host = HostModel.derive(boundary == last ? Optional.empty() : Optional.of(boundary.host()),
                last.host());
        List<Optional<ContainerModel>> models = new ArrayList<>(queries.size());
        for (int i = 0; i < queries.size(); i++) {
            Optional<ContainerSample> cur = last.containers().get(i);
            Optional<ContainerSample> prev = boundary == last ? Optional.empty() : boundary.containers().get(i);
            models.add(cur.map(c -> ContainerModel.derive(prev, c)));
        }
        Column.Interval in = new Column.Interval(host, models);
        List<OptionalDouble> values = new ArrayList<>(columns.size());
        for (Column c : columns) {
            values.add(c.value().apply(in));
        }
        Instant start = Instant.EPOCH.plus(interval.multipliedBy(bucket));
        rows.accept(new Row(start, last.at(), last.offset(), values));
    }
}
