package dev.berth.collectors.format;

import dev.berth.cgroupctl.Limit;
import dev.berth.collectors.ContainerModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code berth ps} table: one row per container, columns sized to their content, numbers right-aligned in
 * {@link Units} style. {@code -} is a value that could not be read; {@code max} a limit that is not set;
 * {@code host} in the NET columns a container that shares the host's network namespace. Stateless.
 *
 * <pre>
 * NAME  ID  RUNTIME  STATE  CPU%  CPU-LIM  MEM  MEM-LIM  MEM%  IO-R/s  IO-W/s  NET-RX/s  NET-TX/s  PIDS
 * </pre>
 * CPU% has 100 = one core; CPU-LIM is the quota in CPUs; MEM is the working set (usage − inactive file);
 * MEM% is MEM as a share of MEM-LIM.
 */
public final class PsTable {
    private static final String[] HEADER = {"NAME", "ID", "RUNTIME", "STATE", "CPU%", "CPU-LIM", "MEM", "MEM-LIM",
        "MEM%", "IO-R/s", "IO-W/s", "NET-RX/s", "NET-TX/s", "PIDS"};
    /** Columns 0..3 are text, left-aligned; the rest numbers, right-aligned. */
    private static final int TEXT_COLUMNS = 4;

    private PsTable() {
    }

    /** Renders header and rows, each line ending in a newline. */
    public static String render(List<ContainerModel> containers) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (ContainerModel c : containers) {
            rows.add(row(c));
        }
        int[] width = new int[HEADER.length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                if (i > 0) {
                    line.append("  ");
                }
                String pad = " ".repeat(width[i] - r[i].length());
                line.append(i < TEXT_COLUMNS ? r[i] + pad : pad + r[i]);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static String[] row(ContainerModel c) {
        boolean hostNet = c.net().netns().map(n -> n.host()).orElse(false);
        String id = c.identity().id().length() == 64 ? c.identity().id().substring(0, 12) : c.identity().id();
        if (id.equals(c.identity().name())) {
            id = "";
        }
        return new String[] {
            Printable.escape(c.identity().name()), id.isEmpty() ? "-" : Printable.escape(id), c.identity().runtime().label(), c.state().label(),
            Units.percent(c.cpu().percent()), Units.cpus(c.cpu().limitCpus(), c.cpu().quotaUsec()),
            Units.bytes(c.memory().workingSetBytes()), Units.limitBytes(c.memory().limit()),
            Units.percent(c.memory().percentOfLimit()),
            Units.bytes(c.io().readBytesPerSecond()), Units.bytes(c.io().writeBytesPerSecond()),
            hostNet ? "host" : Units.bytes(c.net().rxBytesPerSecond()),
            hostNet ? "host" : Units.bytes(c.net().txBytesPerSecond()),
            limited(Units.count(c.pids().current()), c.pids().limit()),
        };
    }

    private static String limited(String current, Optional<Limit> l) {
        if (l.isEmpty() || l.get().isUnlimited()) {
            return current;
        }
        return current + "/" + Units.count((double) l.get().value().getAsLong());
    }
}
