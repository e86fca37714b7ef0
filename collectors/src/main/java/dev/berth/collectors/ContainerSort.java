package dev.berth.collectors;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Orders for container lists, shared by {@code berth ps --sort} and the console. Numeric orders put the largest
 * first and unavailable values last; ties are broken by name, then cgroup path, so output is stable.
 */
public enum ContainerSort {
    /** CPU % over the interval. */
    CPU("cpu", Comparator.comparing((ContainerModel m) -> key(m.cpu().percent()))),
    /** Memory working set. */
    MEM("mem", Comparator.comparing((ContainerModel m) -> key(m.memory().workingSetBytes()))),
    /** Block IO read + write bytes per second. */
    IO("io", Comparator.comparing((ContainerModel m) -> key(sum(m.io().readBytesPerSecond(),
            m.io().writeBytesPerSecond())))),
    /** Network rx + tx bytes per second. */
    NET("net", Comparator.comparing((ContainerModel m) -> key(sum(m.net().rxBytesPerSecond(),
            m.net().txBytesPerSecond())))),
    /** Number of pids. */
    PIDS("pids", Comparator.comparing((ContainerModel m) -> key(m.pids().current()))),
    /** Name, alphabetically. */
    NAME("name", (a, b) -> 0);

    private final String word;
    private final Comparator<ContainerModel> comparator;

    ContainerSort(String word, Comparator<ContainerModel> primary) {
        this.word = word;
        this.comparator = primary.thenComparing((ContainerModel m) -> m.identity().name())
                .thenComparing(m -> m.identity().cgroup());
    }

    /** The word used on the command line, e.g. {@code cpu}. */
    public String word() {
        return word;
    }

    /** The ordering. */
    public Comparator<ContainerModel> comparator() {
        return comparator;
    }

    /** Looks up a sort by its word. */
    public static Optional<ContainerSort> byWord(String word) {
        return Arrays.stream(values()).filter(s -> s.word.equals(word)).findFirst();
    }

    /** The accepted words, comma-separated, for error messages. */
    public static String words() {
        return Arrays.stream(values()).map(ContainerSort::word).collect(Collectors.joining(", "));
    }

    /** Descending with empty last: a comparable where larger values compare smaller. */
    private static Double key(OptionalDouble v) {
        return v.isPresent() ? -v.getAsDouble() : Double.POSITIVE_INFINITY;
    }

    private static Double key(OptionalLong v) {
        return v.isPresent() ? -(double) v.getAsLong() : Double.POSITIVE_INFINITY;
    }

    private static OptionalDouble sum(OptionalDouble a, OptionalDouble b) {
        return a.isPresent() && b.isPresent() ? OptionalDouble.of(a.getAsDouble() + b.getAsDouble())
                : OptionalDouble.empty();
    }
}
