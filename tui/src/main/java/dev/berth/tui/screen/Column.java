package dev.berth.tui.screen;

import dev.berth.tui.format.Cells;
import dev.berth.tui.view.ContainerRow;
import java.util.Comparator;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.BiFunction;

/**
 * The container table's columns, as data: title, width, priority (which columns go first when
 * the terminal is narrow), how to format a cell and how to sort. Numbers sort descending by
 * default (the biggest consumer first), text ascending.
 */
public enum Column {
    NAME("NAME", 0, 0, false, (r, t) -> r.name(), Comparator.comparing(ContainerRow::name), true),
    RUNTIME("RUNTIME", 7, 9, false, (r, t) -> r.runtime(), Comparator.comparing(ContainerRow::runtime), true),
    STATE("STATE", 8, 2, false, (r, t) -> r.state().label(), Comparator.comparing(ContainerRow::state), true),
    CPU("CPU%", Cells.PCT_WIDTH, 1, true, (r, t) -> Cells.pct(r.cpuPct()), byDouble(ContainerRow::cpuPct), false),
    CPU_LIMIT("CPULIM", 6, 6, true, (r, t) -> Cells.cores(r.cpuLimitCores(), r.cpuQuota()),
            byDouble(r -> r.cpuLimitCores().isPresent() ? r.cpuLimitCores() : OptionalDouble.of(Double.MAX_VALUE)),
            false),
    MEM("MEM", Cells.BYTES_WIDTH, 1, true, (r, t) -> Cells.bytes(r.memWorkingSetBytes()),
            byLong(ContainerRow::memWorkingSetBytes), false),
    MEM_LIMIT("MEMLIM", 6, 5, true, (r, t) -> Cells.limit(r.memLimit()),
            byLong(r -> r.memLimitBytes().isPresent() ? r.memLimitBytes() : OptionalLong.of(Long.MAX_VALUE)), false),
    MEM_PCT("MEM%", Cells.PCT_WIDTH, 3, true, (r, t) -> Cells.pct(r.memPctOfLimit()), null, false),
    IO_READ("IOR/s", 6, 4, true, (r, t) -> Cells.rate(r.ioReadBps()), byDouble(ContainerRow::ioReadBps), false),
    IO_WRITE("IOW/s", 6, 4, true, (r, t) -> Cells.rate(r.ioWriteBps()), byDouble(ContainerRow::ioWriteBps), false),
    NET_RX("RX/s", 6, 7, true, (r, t) -> Cells.rate(r.netRxBps()), byDouble(ContainerRow::netRxBps), false),
    NET_TX("TX/s", 6, 7, true, (r, t) -> Cells.rate(r.netTxBps()), byDouble(ContainerRow::netTxBps), false),
    PIDS("PIDS", 5, 3, true, (r, t) -> r.pids().isPresent() ? Cells.pad(String.valueOf(r.pids().getAsLong()), 5)
            : Cells.pad("-", 5), byLong(ContainerRow::pids), false);

    /** Width the NAME column gets at least. */
    public static final int NAME_MIN = 8;
    /** Width the NAME column gets at most (the rest goes to spacing). */
    public static final int NAME_MAX = 40;

    private final String title;
    private final int width;
    private final int priority;
    private final boolean rightAligned;
    private final BiFunction<ContainerRow, Long, String> cell;
    private final Comparator<ContainerRow> comparator;
    private final boolean ascendingByDefault;

    Column(String title, int width, int priority, boolean rightAligned, BiFunction<ContainerRow, Long, String> cell,
            Comparator<ContainerRow> comparator, boolean ascendingByDefault) {
        this.title = title;
        this.width = width;
        this.priority = priority;
        this.rightAligned = rightAligned;
        this.cell = cell;
        this.comparator = comparator;
        this.ascendingByDefault = ascendingByDefault;
    }

    /** Column title. */
    public String title() {
        return title;
    }

    /** Fixed width in cells; 0 for the flexible NAME column. */
    public int width() {
        return width;
    }

    /** Lower shows first when space is short; 0 is always shown. */
    public int priority() {
        return priority;
    }

    /** Whether cells are right-aligned (numbers). */
    public boolean rightAligned() {
        return rightAligned;
    }

    /** Whether the natural order is ascending (text) rather than descending (numbers). */
    public boolean ascendingByDefault() {
        return ascendingByDefault;
    }

    /** The cell text of {@code row}; {@code hostMemBytes} scales MEM% of unlimited containers. */
    public String cell(ContainerRow row, long hostMemBytes) {
        return cell.apply(row, hostMemBytes);
    }

    /**
     * Comparator in natural order (before applying {@link #ascendingByDefault()}); absent values
     * sort as smallest. Ties break by name.
     */
    public Comparator<ContainerRow> comparator(long hostMemBytes) {
        Comparator<ContainerRow> c = comparator != null ? comparator
                : byDouble(ContainerRow::memPctOfLimit);
        return c.thenComparing(ContainerRow::name).thenComparing(ContainerRow::id);
    }

    private static Comparator<ContainerRow> byDouble(java.util.function.Function<ContainerRow, OptionalDouble> f) {
        return Comparator.comparingDouble(r -> {
            OptionalDouble d = f.apply(r);
            return d.isPresent() ? d.getAsDouble() : Double.NEGATIVE_INFINITY;
        });
    }

    private static Comparator<ContainerRow> byLong(java.util.function.Function<ContainerRow, OptionalLong> f) {
        return Comparator.comparingLong(r -> {
            OptionalLong d = f.apply(r);
            return d.isPresent() ? d.getAsLong() : Long.MIN_VALUE;
        });
    }
}
