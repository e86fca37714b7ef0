package dev.berth.tui.screen;

import dev.berth.cgroupctl.Pressure;
import dev.berth.tui.format.Cells;
import dev.berth.tui.style.Role;
import dev.berth.tui.style.Span;
import dev.berth.tui.view.ContainerDetail;
import dev.berth.tui.view.ContainerRow;
import dev.berth.tui.view.DeviceRates;
import dev.berth.tui.view.InterfaceRates;
import dev.berth.ops.CurrentLimits;
import dev.berth.tui.view.ProcessRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Builds the scrollable body of the detail view as styled lines: limits and pressure (left),
 * memory, devices and interfaces (right), processes (full width). Pure.
 */
final class DetailBody {
    static final int TWO_COLUMN_WIDTH = 90;
    /** Events listed in replay's detail view; {@code berth history --events} lists them all. */
    static final int EVENTS_SHOWN = 8;

    private DetailBody() {
    }

    /**
     * The body's lines.
     *
     * @param events in replay, the container's recorded events up to the sample shown (a section of their own,
     *               first, so that what explains the graphs is in view); empty in the live console
     */
    static List<List<Span>> lines(ContainerRow c, Optional<ContainerDetail> detail, int width, long hostMem,
            Optional<List<String>> events) {
        List<List<Span>> out = new ArrayList<>();
        events.ifPresent(es -> events(out, es));
        if (detail.isEmpty()) {
            out.add(List.of(new Span(" collecting detail...", Role.DIM)));
            return out;
        }
        ContainerDetail d = detail.get();
        List<List<Span>> left = new ArrayList<>();
        limits(left, d.limits(), c);
        left.add(List.of());
        pressure(left, d);
        List<List<Span>> right = new ArrayList<>();
        memory(right, d, c, hostMem);
        right.add(List.of());
        devices(right, d);
        right.add(List.of());
        interfaces(right, d);
        if (width >= TWO_COLUMN_WIDTH) {
            int half = width / 2;
            for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
                List<Span> line = new ArrayList<>();
                List<Span> l = i < left.size() ? left.get(i) : List.of();
                line.addAll(l);
                line.add(new Span(" ".repeat(Math.max(1, half - Span.length(l))), Role.NORMAL));
                if (i < right.size()) {
                    line.addAll(right.get(i));
                }
                out.add(line);
            }
        } else {
            out.addAll(left);
            out.add(List.of());
            out.addAll(right);
        }
        out.add(List.of());
        processes(out, d, width);
        return out;
    }

    /** The last {@link #EVENTS_SHOWN} events, newest last. */
    private static void events(List<List<Span>> out, List<String> events) {
        out.add(List.of(new Span("Events", Role.LABEL), new Span(events.isEmpty() ? "  none recorded up to this sample"
                : events.size() > EVENTS_SHOWN ? "  last " + EVENTS_SHOWN + " of " + events.size()
                : "  up to this sample", Role.DIM)));
        for (String e : events.subList(Math.max(0, events.size() - EVENTS_SHOWN), events.size())) {
            out.add(List.of(new Span(" " + e, Role.VALUE)));
        }
        out.add(List.of());
    }

    private static List<Span> heading(String title) {
        return List.of(new Span(title, Role.LABEL));
    }

    private static List<Span> kv(String key, String value) {
        return List.of(new Span(String.format(Locale.ROOT, " %-13s", key), Role.DIM), new Span(value, Role.VALUE));
    }

    private static void limits(List<List<Span>> out, CurrentLimits l, ContainerRow c) {
        out.add(heading("Limits"));
        out.add(kv("cpu quota", l.cpuQuota().orElse("n/a") + (l.cpuQuota().isPresent() ? " cores" : "")));
        out.add(kv("cpu weight", l.cpuWeight().orElse("n/a")));
        out.add(kv("cpuset cpus", l.cpusetCpus().orElse("n/a")));
        out.add(kv("cpuset mems", l.cpusetMems().orElse("n/a")));
        out.add(kv("memory max", l.memoryMax().orElse("n/a")));
        out.add(kv("memory high", l.memoryHigh().orElse("n/a")));
        out.add(kv("pids max", l.pidsMax().orElse("n/a") + "  (now " + (c.pids().isPresent()
                ? String.valueOf(c.pids().getAsLong()) : "-") + ")"));
        if (l.io().isEmpty()) {
            out.add(kv("io", "none"));
        }
        for (String io : l.io()) {
            out.add(kv("io", io));
        }
    }

    private static void pressure(List<List<Span>> out, ContainerDetail d) {
        out.add(List.of(new Span("Pressure", Role.LABEL), new Span("  some avg10 avg60  full avg10", Role.DIM)));
        psi(out, "cpu", d.cpuPressure());
        psi(out, "memory", d.memoryPressure());
        psi(out, "io", d.ioPressure());
    }

    private static void psi(List<List<Span>> out, String name, Optional<Pressure> p) {
        if (p.isEmpty()) {
            out.add(kv(name, "unsupported"));
            return;
        }
        Pressure x = p.get();
        OptionalDouble full = x.full().map(f -> OptionalDouble.of(f.avg10())).orElse(OptionalDouble.empty());
        out.add(kv(name, "     " + Cells.pct(x.some().avg10()) + " " + Cells.pct(x.some().avg60()) + "       "
                + Cells.pct(full)));
    }

    private static void memory(List<List<Span>> out, ContainerDetail d, ContainerRow c, long hostMem) {
        out.add(List.of(new Span("Memory", Role.LABEL), new Span("  working set " + Cells.bytes(c.memWorkingSetBytes())
                .strip() + " of " + Cells.limit(c.memLimit()).strip() + " (" + Cells.pct(c.memPctOfLimit()).strip()
                + "%)", Role.DIM)));
        if (d.memoryBreakdown().isEmpty()) {
            out.add(kv("breakdown", "n/a"));
        }
        for (ContainerDetail.MemoryPart m : d.memoryBreakdown()) {
            out.add(kv(m.name(), Cells.bytes(m.bytes())));
        }
    }

    private static void devices(List<List<Span>> out, ContainerDetail d) {
        out.add(List.of(new Span("Block IO", Role.LABEL), new Span("        read/s write/s", Role.DIM)));
        if (d.devices().isEmpty()) {
            out.add(kv("(no IO)", ""));
        }
        for (DeviceRates r : d.devices()) {
            out.add(kv(r.device(), " " + Cells.rate(r.readBps()) + "   " + Cells.rate(r.writeBps())));
        }
    }

    private static void interfaces(List<List<Span>> out, ContainerDetail d) {
        out.add(List.of(new Span("Network", Role.LABEL), new Span("           rx/s    tx/s", Role.DIM)));
        if (d.interfaces().isEmpty()) {
            out.add(kv("(host netns)", ""));
        }
        for (InterfaceRates r : d.interfaces()) {
            out.add(kv(r.iface(), " " + Cells.rate(r.rxBps()) + "   " + Cells.rate(r.txBps())));
        }
    }

    private static void processes(List<List<Span>> out, ContainerDetail d, int width) {
        out.add(List.of(new Span(Cells.padRight(String.format(Locale.ROOT, "%7s %5s %5s  %s", "PID", "CPU%", "RSS",
                "COMMAND (" + d.processes().size() + " processes)"), width, '~'), Role.TABLE_HEADER)));
        for (ProcessRow r : d.processes()) {
            out.add(List.of(new Span(String.format(Locale.ROOT, "%7d ", r.pid()), Role.NORMAL),
                    new Span(Cells.pct(r.cpuPct()) + " " + Cells.bytes(r.rssBytes()), Role.VALUE),
                    new Span("  " + r.command(), Role.NORMAL)));
        }
    }
}
