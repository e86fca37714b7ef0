package dev.berth.tui.screen;

import dev.berth.tui.format.Cells;
import dev.berth.tui.meter.BarMeter;
import dev.berth.tui.meter.BarRenderer;
import dev.berth.tui.meter.Meters;
import dev.berth.tui.style.Painter;
import dev.berth.tui.style.Role;
import dev.berth.tui.style.Span;
import dev.berth.tui.view.HostView;
import dev.berth.tui.view.Snapshot;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** Draws the title row and the host meters of the main screen. */
final class HeaderRenderer {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private HeaderRenderer() {
    }

    /** The title row: product, host, uptime, load, berth's own cost, read-only banner, clock. */
    static void title(Painter p, int width, ConsoleState s) {
        List<Span> left = new ArrayList<>();
        left.add(new Span(" berth ", Role.BANNER));
        if (s.snapshot != null) {
            HostView h = s.snapshot.host();
            left.add(new Span(" " + h.hostname(), Role.VALUE));
            h.uptime().ifPresent(up -> {
                left.add(new Span("  up ", Role.LABEL));
                left.add(new Span(Cells.uptime(up), Role.NORMAL));
            });
            left.add(new Span("  load ", Role.LABEL));
            left.add(new Span(Cells.load(h.load1()) + " " + Cells.load(h.load5()) + " " + Cells.load(h.load15()),
                    Role.NORMAL));
            left.add(new Span("  berth ", Role.LABEL));
            left.add(new Span(Cells.pct(h.selfCpuPct()).strip() + "% " + Cells.bytesCompact(h.selfRssBytes()),
                    Role.NORMAL));
        } else {
            left.add(new Span(" collecting first sample...", Role.DIM));
        }
        String clock = s.snapshot == null || s.replay != null ? ""
                : CLOCK.format(s.snapshot.at().atZone(ZoneId.systemDefault()));
        // Replay shows the recorded sample's date and time instead of the clock (and needs no READ-ONLY banner).
        String banner = s.replay != null ? " " + s.replay.banner() + " "
                : s.readOnlyReason.isPresent() ? " READ-ONLY " : "";
        int rightLen = clock.length() + banner.length() + (banner.isEmpty() ? 0 : 1);
        int leftWidth = Math.max(0, width - rightLen - 1);
        p.line(0, 0, leftWidth, left, Role.NORMAL);
        int x = leftWidth;
        p.blank(x, 0, width - x, Role.NORMAL);
        x = width - rightLen;
        if (!banner.isEmpty() && x >= 0) {
            p.put(x, 0, banner, Role.STATUS_ERROR);
            x += banner.length() + 1;
        }
        if (x >= 0) {
            p.put(x, 0, clock, Role.NORMAL);
        }
    }

    /** The meter rows: CPU, memory, swap, IO and network, in one or two columns. */
    static void meters(Painter p, MainLayout l, ConsoleState s) {
        if (l.meterRows() == 0) {
            return;
        }
        HostView h = s.snapshot == null ? null : s.snapshot.host();
        int cols = l.meterColumns();
        List<Object> cells = new ArrayList<>();
        if (h != null) {
            // two columns, row-major: CPU | Mem, Swp | containers, IO | Net
            // one column, most important first: CPU, Mem, IO, Net, Swp, containers
            Object cpu = Meters.cpuTotal(h);
            Object mem = Meters.memory(h);
            Object swp = Meters.swap(h);
            Object ctr = containers(s);
            Object io = List.of(new Span("IO  ", Role.LABEL), new Span("read ", Role.DIM),
                    new Span(rate(h.diskReadBps()), Role.VALUE), new Span("  write ", Role.DIM),
                    new Span(rate(h.diskWriteBps()), Role.VALUE));
            Object net = List.of(new Span("Net ", Role.LABEL), new Span("rx ", Role.DIM),
                    new Span(rate(h.netRxBps()), Role.VALUE), new Span("  tx ", Role.DIM),
                    new Span(rate(h.netTxBps()), Role.VALUE));
            cells.addAll(cols == 2 ? List.of(cpu, mem, swp, ctr, io, net) : List.of(cpu, mem, io, net, swp, ctr));
        }
        int colWidth = cols == 2 ? (l.width() - 1) / 2 : l.width();
        for (int row = 0; row < l.meterRows(); row++) {
            for (int c = 0; c < cols; c++) {
                int i = cols == 2 ? row * 2 + c : row;
                int x = c * (colWidth + 1);
                int w = c == cols - 1 ? l.width() - x : colWidth;
                if (cols == 2 && c == 0) {
                    p.blank(x + w, 1 + row, 1, Role.NORMAL);
                }
                drawCell(p, x, 1 + row, w, i < cells.size() ? cells.get(i) : null, s);
            }
        }
    }

    private static List<Span> containers(ConsoleState s) {
        int running = 0;
        int frozen = 0;
        int exited = 0;
        for (var c : s.snapshot.containers()) {
            switch (c.state()) {
                case RUNNING -> running++;
                case FROZEN -> frozen++;
                case EXITED -> exited++;
            }
        }
        return List.of(new Span("Ctr ", Role.LABEL), new Span(rightAligned(s.snapshot.containers().size(), 4),
                Role.VALUE), new Span(" running ", Role.DIM), new Span(String.valueOf(running), Role.VALUE),
                new Span(" frozen ", Role.DIM), new Span(String.valueOf(frozen), Role.VALUE),
                new Span(" exited ", Role.DIM), new Span(String.valueOf(exited), Role.VALUE));
    }

    /** {@code n} right-aligned in {@code width} (wider when it needs more), as {@code %4d} without the Formatter. */
    private static String rightAligned(int n, int width) {
        String v = Integer.toString(n);
        return v.length() >= width ? v : " ".repeat(width - v.length()) + v;
    }

    @SuppressWarnings("unchecked")
    private static void drawCell(Painter p, int x, int y, int w, Object cell, ConsoleState s) {
        if (cell instanceof BarMeter m) {
            BarRenderer.draw(p.graphics(), x, y, w, m, p.theme(), s.glyphs);
        } else if (cell instanceof List<?> spans) {
            p.line(x, y, w, (List<Span>) spans, Role.NORMAL);
        } else {
            p.blank(x, y, w, Role.NORMAL);
        }
    }

    static String rate(OptionalDouble bps) {
        return Cells.rate(bps) + "/s";
    }
}
