package dev.berth.tui.screen;

import dev.berth.tui.format.Cells;
import dev.berth.tui.meter.BlockGraph;
import dev.berth.tui.style.Painter;
import dev.berth.tui.style.Role;
import dev.berth.tui.style.Span;
import dev.berth.tui.view.ContainerRow;
import java.util.List;
import java.util.Optional;

/**
 * Draws the detail view of one container: title, four history graphs (CPU, memory, IO, net), then
 * a scrollable body of limits, pressure, memory breakdown, per-device IO, per-interface network
 * and processes (two columns when wide).
 */
final class DetailRenderer {
    static final int LABEL_WIDTH = 17;

    /** One graph: which history series, its label, current value, full-scale value and colour. */
    private record GraphSpec(History.Series series, String label, String value, double ceiling, Role role) {
    }

    private DetailRenderer() {
    }

    /** Draws rows {@code 0..bodyEnd-1}; status and footer are drawn by the caller. */
    static void draw(Painter p, int width, int height, ConsoleState s) {
        int bodyEnd = height - 2;
        Optional<Timeline> timeline = s.replay == null ? Optional.empty() : s.replay.timeline();
        if (timeline.isPresent()) {
            bodyEnd--;
            p.line(0, bodyEnd, width, TimelineRenderer.spans(timeline.get(), width, s.glyphs), Role.NORMAL);
        }
        Optional<ContainerRow> row = s.snapshot == null ? Optional.empty()
                : s.snapshot.containers().stream().filter(c -> c.id().equals(s.detailId)).findFirst();
        if (row.isEmpty()) {
            p.line(0, 0, width, List.of(new Span(" " + s.detailId + " ", Role.BANNER)), Role.NORMAL);
            for (int y = 1; y < bodyEnd; y++) {
                p.blank(0, y, width, Role.NORMAL);
            }
            p.put(1, Math.min(2, bodyEnd - 1), "container is gone (Esc to go back)", Role.STATUS_ERROR);
            return;
        }
        ContainerRow c = row.get();
        p.line(0, 0, width, List.of(new Span(" " + c.name() + " ", Role.BANNER), new Span("  " + c.runtime(),
                Role.LABEL), new Span("  " + c.state().label(), c.state() == dev.berth.collectors.ContainerState.RUNNING
                ? Role.STATE_RUNNING : Role.STATE_FROZEN), new Span("  " + c.cgroupPath(), Role.DIM),
                // In replay the header's banner, with the sample's time, stays in view here too.
                new Span(s.replay == null ? "" : "  ", Role.NORMAL),
                new Span(s.replay == null ? "" : " " + s.replay.banner() + " ", Role.STATUS_ERROR)), Role.NORMAL);
        int graphH = height >= 44 ? 3 : height >= 30 ? 2 : 1;
        int y = 1;
        y = graphs(p, width, y, bodyEnd, graphH, c, s);
        Optional<List<String>> events = s.replay == null ? Optional.empty()
                : Optional.of(s.replay.eventsOf(c.cgroupPath(), c.name()));
        List<List<Span>> body = DetailBody.lines(c, s.snapshot.detail().filter(d -> d.id().equals(c.id())),
                width, s.snapshot.host().memTotalBytes(), events);
        int rows = bodyEnd - y;
        int maxScroll = Math.max(0, body.size() - rows);
        s.detailScroll = Math.max(0, Math.min(s.detailScroll, maxScroll));
        for (int i = 0; i < rows; i++) {
            int idx = s.detailScroll + i;
            p.line(0, y + i, width, idx < body.size() ? body.get(idx) : List.of(), Role.NORMAL);
        }
    }

    private static int graphs(Painter p, int width, int y, int bodyEnd, int graphH, ContainerRow c, ConsoleState s) {
        int gw = width - LABEL_WIDTH;
        if (gw < 4) {
            return y;
        }
        double cpuCeil = c.cpuLimitCores().isPresent() ? c.cpuLimitCores().getAsDouble() * 100 : 0;
        double memCeil = c.memLimitBytes().isPresent() ? c.memLimitBytes().getAsLong() : 0;
        List<GraphSpec> specs = List.of(
                new GraphSpec(History.Series.CPU, "CPU", Cells.pct(c.cpuPct()).strip() + "%", cpuCeil, Role.GRAPH_CPU),
                new GraphSpec(History.Series.MEM, "MEM", Cells.bytes(c.memWorkingSetBytes()).strip(), memCeil,
                        Role.GRAPH_MEM),
                new GraphSpec(History.Series.IO, "IO", HeaderRenderer.rate(sum(c.ioReadBps(), c.ioWriteBps())).strip(),
                        0, Role.GRAPH_IO),
                new GraphSpec(History.Series.NET, "NET", HeaderRenderer.rate(sum(c.netRxBps(), c.netTxBps())).strip(),
                        0, Role.GRAPH_NET));
        for (GraphSpec spec : specs) {
            if (y + graphH > bodyEnd - 1) {
                break;
            }
            double[] series = s.history.series(c.id(), spec.series());
            double ceil = spec.ceiling();
            if (ceil <= 0 && spec.series() == History.Series.CPU) {
                ceil = Math.max(100, maxOf(series));
            } else if (ceil <= 0) {
                // no limit to scale to: leave a quarter of headroom, so a flat series reads as a flat
                // line at 80 % rather than a solid block, and a rise stays visible
                ceil = maxOf(series) * 1.25;
            }
            List<String> g = BlockGraph.render(series, gw, graphH, ceil, s.glyphs);
            for (int r = 0; r < graphH; r++) {
                String label = r == 0 ? Cells.padRight(spec.label(), 4, '~') + Cells.pad(spec.value(), 11)
                        : r == graphH - 1 ? Cells.pad("top " + scale(spec.series(), ceil, series), 15) : "";
                p.line(0, y + r, LABEL_WIDTH, List.of(new Span(label, r == 0 ? Role.LABEL : Role.DIM)), Role.NORMAL);
                p.put(LABEL_WIDTH, y + r, g.get(r), spec.role());
            }
            y += graphH;
        }
        return y;
    }

    private static String scale(History.Series series, double ceil, double[] values) {
        double top = ceil > 0 ? ceil : maxOf(values);
        if (series == History.Series.CPU) {
            return Cells.pct(top).strip() + "%";
        }
        return Cells.bytesCompact(Math.round(top)) + (series == History.Series.MEM ? "" : "/s");
    }

    private static double maxOf(double[] v) {
        double m = 0;
        for (double d : v) {
            if (!Double.isNaN(d)) {
                m = Math.max(m, d);
            }
        }
        return m;
    }

    private static java.util.OptionalDouble sum(java.util.OptionalDouble a, java.util.OptionalDouble b) {
        if (a.isEmpty() && b.isEmpty()) {
            return java.util.OptionalDouble.empty();
        }
        return java.util.OptionalDouble.of(a.orElse(0) + b.orElse(0));
    }
}
