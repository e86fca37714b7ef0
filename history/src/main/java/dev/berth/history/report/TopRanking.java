package dev.berth.history.report;

import dev.berth.collectors.ContainerModel;
import dev.berth.collectors.ContainerSample;
import dev.berth.history.store.Frame;
import dev.berth.history.store.StoreReader;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * {@code berth history --top}: containers ranked by what they used over a period. CPU, IO and network are the mean
 * rate from each container's first to its last sample in the period ({@link ContainerModel#derive} over that span,
 * so a counter reset in between gives no figure rather than a wrong one); memory is the highest working set of any
 * sample. Stateless.
 */
public final class TopRanking {
    private TopRanking() {
    }

    /**
     * One ranked container.
     *
     * @param name    its name (the last one recorded in the period)
     * @param cgroup  its cgroup path
     * @param runtime its runtime
     * @param value   CPU %, bytes, or bytes per second; empty when it could not be derived
     * @param first   its first sample in the period
     * @param last    its last sample in the period
     */
    public record Entry(String name, String cgroup, String runtime, OptionalDouble value, Instant first,
            Instant last) {
    }

    private static final class Span {
        ContainerSample first;
        ContainerSample last;
        long maxWorkingSet = -1;
    }

    /**
     * The top {@code n} containers by {@code by} in [from, to), highest first; those without a figure last.
     *
     * @throws IOException the store cannot be read
     */
    public static List<Entry> rank(StoreReader reader, Instant from, Instant to, Column.Group by, int n)
            throws IOException {
        Map<String, Span> spans = new LinkedHashMap<>();
        // The previous frame's containers and their spans: a container whose identity is the very object of the
        // container at the same index there (the reader shares unchanged identities between frames) takes that span
        // without a map lookup, which was most of this loop's cost over a day.
        var prev = new Object() {
            List<ContainerSample> containers = List.of();
            Span[] spans = new Span[0];
        };
        reader.frames(from, to, (Frame f) -> {
            List<ContainerSample> before = prev.containers;
            Span[] beforeSpans = prev.spans;
            Span[] now = new Span[f.containers().size()];
            for (int i = 0; i < now.length; i++) {
                ContainerSample c = f.containers().get(i);
                Span s = i < before.size() && before.get(i).identity() == c.identity() ? beforeSpans[i]
                        : spans.computeIfAbsent(c.identity().cgroup(), k -> new Span());
                now[i] = s;
                if (s.first == null) {
                    s.first = c;
                }
                s.last = c;
                if (by == Column.Group.MEM) {
                    var m = c.memory();
                    if (m.usageBytes().isPresent() && m.inactiveFileBytes().isPresent()) {
                        s.maxWorkingSet = Math.max(s.maxWorkingSet,
                                Math.max(0, m.usageBytes().getAsLong() - m.inactiveFileBytes().getAsLong()));
                    }
                }
            }
            prev.containers = f.containers();
            prev.spans = now;
        });
        List<Entry> out = new ArrayList<>();
        for (Map.Entry<String, Span> e : spans.entrySet()) {
            Span s = e.getValue();
            OptionalDouble v;
            if (by == Column.Group.MEM) {
                v = s.maxWorkingSet < 0 ? OptionalDouble.empty() : OptionalDouble.of(s.maxWorkingSet);
            } else {
                ContainerModel m = ContainerModel.derive(s.first == s.last ? Optional.empty() : Optional.of(s.first),
                        s.last);
                v = switch (by) {
                    case CPU -> m.cpu().percent();
                    case IO -> sum(m.io().readBytesPerSecond(), m.io().writeBytesPerSecond());
                    case NET -> sum(m.net().rxBytesPerSecond(), m.net().txBytesPerSecond());
                    case MEM -> throw new IllegalStateException();
                };
            }
            out.add(new Entry(s.last.identity().name(), e.getKey(), s.last.identity().runtime().label(), v,
                    s.first.at(), s.last.at()));
        }
        out.sort(Comparator.comparing((Entry x) -> x.value().isPresent() ? -x.value().getAsDouble()
                : Double.POSITIVE_INFINITY).thenComparing(Entry::name));
        return out.subList(0, Math.min(n, out.size()));
    }

    private static OptionalDouble sum(OptionalDouble a, OptionalDouble b) {
        return a.isPresent() && b.isPresent() ? OptionalDouble.of(a.getAsDouble() + b.getAsDouble())
                : OptionalDouble.empty();
    }
}
