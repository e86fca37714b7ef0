package dev.berth.history.report;

import dev.berth.collectors.ContainerModel;
import dev.berth.collectors.HostModel;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * One column of a history report: a figure of the host or of one container over one interval, derived by the
 * collectors' models. Immutable.
 *
 * @param owner   {@code host}, or the container as the user named it
 * @param group   the resource group
 * @param name    the column's short name (tsar's style: 4 to 5 letters)
 * @param unit    how values are shown
 * @param value   the value of an interval, from the models derived over it
 */
public record Column(String owner, Group group, String name, Unit unit, Function<Interval, OptionalDouble> value) {

    /** A resource group; the command-line flag is {@code --<word>}. */
    public enum Group { CPU, MEM, IO, NET }

    /** How a value is shown. */
    public enum Unit {
        /** 0–100 (host) or 100 = one core (container), one decimal. */
        PERCENT,
        /** Bytes, scaled B, k, M, G. */
        BYTES,
        /** Bytes per second, scaled. */
        BYTES_PER_SECOND,
        /** Seconds per second, two decimals. */
        RATIO
    }

    /**
     * What a column reads: the models derived over one interval.
     *
     * @param host       the host over the interval
     * @param containers one per chosen container, in the order asked for; empty when absent in the interval
     */
    public record Interval(HostModel host, List<Optional<ContainerModel>> containers) {
    }

    /** The host columns of the chosen groups, in tsar's order. */
    static List<Column> host(Group g) {
        return switch (g) {
            case CPU -> List.of(
                    new Column("host", g, "util", Unit.PERCENT, i -> i.host().cpu().map(c -> OptionalDouble.of(c.busy()))
                            .orElse(OptionalDouble.empty())),
                    new Column("host", g, "user", Unit.PERCENT, i -> i.host().cpu().map(c -> OptionalDouble.of(c.user()))
                            .orElse(OptionalDouble.empty())),
                    new Column("host", g, "sys", Unit.PERCENT, i -> i.host().cpu()
                            .map(c -> OptionalDouble.of(c.system())).orElse(OptionalDouble.empty())),
                    new Column("host", g, "wait", Unit.PERCENT, i -> i.host().cpu()
                            .map(c -> OptionalDouble.of(c.iowait())).orElse(OptionalDouble.empty())));
            case MEM -> List.of(
                    new Column("host", g, "used", Unit.BYTES, i -> i.host().memory()
                            .map(m -> m.usedBytes().isPresent() ? OptionalDouble.of(m.usedBytes().getAsLong())
                                    : OptionalDouble.empty()).orElse(OptionalDouble.empty())),
                    new Column("host", g, "cache", Unit.BYTES, i -> i.host().memory()
                            .map(m -> OptionalDouble.of(m.cachedBytes() + m.buffersBytes()))
                            .orElse(OptionalDouble.empty())));
            case IO -> List.of(
                    new Column("host", g, "read", Unit.BYTES_PER_SECOND, i -> i.host().diskTotal()
                            .map(HostModel.DiskRate::readBytesPerSecond).orElse(OptionalDouble.empty())),
                    new Column("host", g, "writ", Unit.BYTES_PER_SECOND, i -> i.host().diskTotal()
                            .map(HostModel.DiskRate::writeBytesPerSecond).orElse(OptionalDouble.empty())));
            case NET -> List.of(
                    new Column("host", g, "recv", Unit.BYTES_PER_SECOND, i -> i.host().netTotal()
                            .map(HostModel.NetRate::rxBytesPerSecond).orElse(OptionalDouble.empty())),
                    new Column("host", g, "send", Unit.BYTES_PER_SECOND, i -> i.host().netTotal()
                            .map(HostModel.NetRate::txBytesPerSecond).orElse(OptionalDouble.empty())));
        };
    }

    /** The columns of the {@code index}-th chosen container, named {@code owner}. */
    static List<Column> container(String owner, int index, Group g) {
        Function<Function<ContainerModel, OptionalDouble>, Function<Interval, OptionalDouble>> of =
                f -> i -> i.containers().get(index).map(f).orElse(OptionalDouble.empty());
        return switch (g) {
            case CPU -> List.of(
                    new Column(owner, g, "cpu", Unit.PERCENT, of.apply(m -> m.cpu().percent())),
                    new Column(owner, g, "thrt", Unit.RATIO, of.apply(m -> m.cpu().throttledPerSecond())));
            case MEM -> List.of(
                    new Column(owner, g, "wset", Unit.BYTES, of.apply(m -> m.memory().workingSetBytes().isPresent()
                            ? OptionalDouble.of(m.memory().workingSetBytes().getAsLong()) : OptionalDouble.empty())),
                    new Column(owner, g, "%lim", Unit.PERCENT, of.apply(m -> m.memory().percentOfLimit())));
            case IO -> List.of(
                    new Column(owner, g, "read", Unit.BYTES_PER_SECOND, of.apply(m -> m.io().readBytesPerSecond())),
                    new Column(owner, g, "writ", Unit.BYTES_PER_SECOND, of.apply(m -> m.io().writeBytesPerSecond())));
            case NET -> List.of(
                    new Column(owner, g, "recv", Unit.BYTES_PER_SECOND, of.apply(m -> m.net().rxBytesPerSecond())),
                    new Column(owner, g, "send", Unit.BYTES_PER_SECOND, of.apply(m -> m.net().txBytesPerSecond())));
        };
    }
}
