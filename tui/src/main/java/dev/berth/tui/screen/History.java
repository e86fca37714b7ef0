package dev.berth.tui.screen;

import dev.berth.tui.view.ContainerRow;
import dev.berth.tui.view.Snapshot;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The last {@code capacity} samples of each container's CPU, memory, IO and network, for the
 * detail view's graphs. Fed one {@link Snapshot} per refresh; forgets containers that vanished.
 * UI-thread confined.
 */
public final class History {
    /** One series of values, oldest first; NaN marks "not measured". */
    public enum Series { CPU, MEM, IO, NET }

    private final int capacity;
    private final Map<String, Ring[]> rings = new HashMap<>();

    /** Keeps {@code capacity} points per series (600 = 10 min at 1 s, 20 min at 2 s). */
    public History(int capacity) {
        this.capacity = capacity;
    }

    /** Appends one point per container of {@code s}. */
    public void record(Snapshot s) {
        Set<String> seen = new HashSet<>();
        for (ContainerRow r : s.containers()) {
            seen.add(r.id());
            Ring[] rs = rings.computeIfAbsent(r.id(), k -> new Ring[] {new Ring(capacity), new Ring(capacity),
                new Ring(capacity), new Ring(capacity)});
            rs[0].add(v(r.cpuPct()));
            rs[1].add(v(r.memWorkingSetBytes()));
            rs[2].add(sum(r.ioReadBps(), r.ioWriteBps()));
            rs[3].add(sum(r.netRxBps(), r.netTxBps()));
        }
        rings.keySet().retainAll(seen);
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

    /** A fixed-size ring of doubles. */
    private static final class Ring {
        private final double[] data;
        private int start;
        private int size;

        Ring(int capacity) {
            data = new double[capacity];
        }

        void add(double v) {
            if (size < data.length) {
                data[(start + size++) % data.length] = v;
            } else {
                data[start] = v;
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
