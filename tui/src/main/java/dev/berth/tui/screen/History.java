package dev.berth.tui.screen;

import dev.berth.tui.view.ContainerRow;
import dev.berth.tui.view.Snapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The last {@code capacity} samples of each container's CPU, memory, IO and network, for the
 * detail view's graphs. Fed one {@link Snapshot} per refresh; forgets containers that vanished. Recorded history
 * can be prepended to a container's series ({@link #prepend}). UI-thread confined.
 */
public final class History {
    /** One series of values, oldest first; NaN marks "not measured". */
    public enum Series { CPU, MEM, IO, NET }

    private final int capacity;
    private final Map<String, Ring[]> rings = new HashMap<>();
    /** When each container's first point was recorded: where recorded history, prepended, ends. */
    private final Map<String, Instant> firstAt = new HashMap<>();
    /** Containers whose series recorded history was prepended to (or asked for), once each. */
    private final Set<String> backfilled = new HashSet<>();

    /** Keeps {@code capacity} points per series (600 = 10 min at 1 s, 20 min at 2 s). */
    public History(int capacity) {
        this.capacity = capacity;
    }

    /** Appends one point per container of {@code s}. */
    public void record(Snapshot s) {
        Set<String> seen = new HashSet<>();
        for (ContainerRow r : s.containers()) {
            seen.add(r.id());
            Ring[] rs = rings.computeIfAbsent(r.id(), k -> {
                firstAt.put(k, s.at());
                return new Ring[] {new Ring(capacity), new Ring(capacity), new Ring(capacity), new Ring(capacity)};
            });
            double[] p = point(r);
            for (int i = 0; i < rs.length; i++) {
                rs[i].add(p[i]);
            }
        }
        rings.keySet().retainAll(seen);
        firstAt.keySet().retainAll(seen);
        backfilled.retainAll(seen);
    }

    /**
     * Marks container {@code id} as backfilled and says whether it was not yet: the caller then reads its recorded
     * history, once per container.
     */
    boolean claimBackfill(String id) {
        return rings.containsKey(id) && backfilled.add(id);
    }

    /** When the first live point of container {@code id} was recorded; empty when unknown. */
    Optional<Instant> firstAt(String id) {
        return Optional.ofNullable(firstAt.get(id));
    }

    /**
     * Prepends recorded history to container {@code id}'s series, so that its graphs are not empty after the console
     * (re)starts: one point per {@code interval} back from its first live point, as far as the recorded rows and
     * the free capacity go. A recorded row's rates are those of the period since the row before it, so a point
     * takes the rates of the first row at or after its time that has a row before it; a point no row covers (a gap
     * in the recording, the seconds since the recorder's last sample) is "not measured".
     *
     * @param rows the container's rows derived from recorded samples, oldest first (see {@link RecordedHistory})
     */
    void prepend(String id, List<RecordedHistory.Point> rows, Duration interval) {
        Ring[] rs = rings.get(id);
        Instant first = firstAt.get(id);
        if (rs == null || first == null || rows.size() < 2 || interval.isZero() || interval.isNegative()) {
            return;
        }
        int free = capacity - rs[0].size;
        List<double[]> back = new ArrayList<>();
        int k = rows.size() - 1;
        Instant oldest = rows.get(0).at();
        for (int j = 1; j <= free; j++) {
            Instant t = first.minus(interval.multipliedBy(j));
            if (!t.isAfter(oldest)) {
                break;
            }
            // the row covering t: rows[k-1].at < t <= rows[k].at
            while (k > 1 && !rows.get(k - 1).at().isBefore(t)) {
                k--;
            }
            boolean covered = !rows.get(k).at().isBefore(t) && rows.get(k - 1).at().isBefore(t);
            back.add(covered ? point(rows.get(k).row()) : new double[] {Double.NaN, Double.NaN, Double.NaN,
                Double.NaN});
        }
        if (back.isEmpty()) {
            return;
        }
        for (int i = 0; i < rs.length; i++) {
            Ring r = new Ring(capacity);
            for (int j = back.size() - 1; j >= 0; j--) {
                r.add(back.get(j)[i]);
            }
            for (double v : rs[i].toArray()) {
                r.add(v);
            }
            rs[i] = r;
        }
        firstAt.put(id, first.minus(interval.multipliedBy(back.size())));
    }

    /** The four series' values of one row: CPU %, working set, IO and network rates. */
    private static double[] point(ContainerRow r) {
        return new double[] {v(r.cpuPct()), v(r.memWorkingSetBytes()), sum(r.ioReadBps(), r.ioWriteBps()),
            sum(r.netRxBps(), r.netTxBps())};
    }

    /** Points kept per series. */
    int capacity() {
        return capacity;
    }

    /** The series of container {@code id}, oldest first; empty when unknown. */
    public double[] series(String id, Series s) {
        Ring[] rs = rings.get(id);
        return rs == null ? new double[0] : rs[s.ordinal()].toArray();
    }

    private static double v(OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() : Double.NaN;
    }

    private static double v(OptionalLong d) {
        return d.isPresent() ? d.getAsLong() : Double.NaN;
    }

    private static double sum(OptionalDouble a, OptionalDouble b) {
        if (a.isEmpty() && b.isEmpty()) {
            return Double.NaN;
        }
        return a.orElse(0) + b.orElse(0);
    }

    /**
     * A ring of at most {@code capacity} values, kept as floats (a graph cell needs no more than a float's 24 bits;
     * half the memory of doubles: 600 points x 4 series x 500 containers is 4.8 MB) in an array that grows as points
     * come, so a short session or a short-lived container does not hold a full ring.
     */
    private static final class Ring {
        private static final int FIRST = 32;
        private final int capacity;
        private float[] data;
        private int start;
        private int size;

        Ring(int capacity) {
            this.capacity = capacity;
            this.data = new float[Math.min(FIRST, capacity)];
        }

        void add(double v) {
            if (size == data.length && size < capacity) {
                // not yet wrapped while growing: start is 0
                data = java.util.Arrays.copyOf(data, Math.min(capacity, data.length * 2));
            }
            if (size < data.length) {
                data[(start + size++) % data.length] = (float) v;
            } else {
                data[start] = (float) v;
                start = (start + 1) % data.length;
            }
        }

        double[] toArray() {
            double[] out = new double[size];
            for (int i = 0; i < size; i++) {
                out[i] = data[(start + i) % data.length];
            }
            return out;
        }
    }
}
