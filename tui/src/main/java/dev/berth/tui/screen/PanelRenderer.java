package dev.berth.tui.screen;

import dev.berth.tui.format.Cells;
import dev.berth.tui.meter.BarMeter;
import dev.berth.tui.meter.BarRenderer;
import dev.berth.tui.meter.Meters;
import dev.berth.tui.style.Painter;
import dev.berth.tui.style.Role;
import dev.berth.tui.style.Span;
import dev.berth.tui.view.DeviceRates;
import dev.berth.tui.view.HostView;
import dev.berth.tui.view.InterfaceRates;
import dev.berth.tui.view.ProcessRow;
import java.util.ArrayList;
import java.util.List;

/** Draws the optional host panels (per-core CPU, memory, disks, network, top processes). */
final class PanelRenderer {
    private PanelRenderer() {
    }

    static void draw(Painter p, MainLayout l, MainLayout.PanelSlot slot, ConsoleState s) {
        HostView h = s.snapshot == null ? null : s.snapshot.host();
        List<List<Span>> lines = new ArrayList<>();
        if (h == null) {
            lines.add(List.of(new Span("waiting for data", Role.DIM)));
        } else {
            switch (slot.panel()) {
                case CPU -> {
                    cores(p, l, slot, s, h);
                    return;
                }
                case MEMORY -> memory(lines, h, l.width() >= 100);
                case DISKS -> disks(lines, h);
                case NETWORK -> network(lines, h);
                case TOP -> top(lines, h);
                default -> throw new IllegalStateException(slot.panel().toString());
            }
        }
        for (int i = 0; i < slot.rows(); i++) {
            p.line(0, slot.top() + i, l.width(), i < lines.size() ? lines.get(i) : List.of(), Role.NORMAL);
        }
    }

    private static void cores(Painter p, MainLayout l, MainLayout.PanelSlot slot, ConsoleState s, HostView h) {
        List<BarMeter> bars = Meters.cpuPerCore(h);
        int cols = l.meterColumns();
        int colWidth = cols == 2 ? (l.width() - 1) / 2 : l.width();
        for (int row = 0; row < slot.rows(); row++) {
            for (int c = 0; c < cols; c++) {
                int i = row * cols + c;
                int x = c * (colWidth + 1);
                int w = c == cols - 1 ? l.width() - x : colWidth;
                if (cols == 2 && c == 0) {
                    p.blank(x + w, slot.top() + row, 1, Role.NORMAL);
                }
                if (i < bars.size()) {
                    BarRenderer.draw(p.graphics(), x, slot.top() + row, w, bars.get(i), p.theme(), s.glyphs);
                } else {
                    p.blank(x, slot.top() + row, w, Role.NORMAL);
                }
            }
        }
    }

    private static void memory(List<List<Span>> lines, HostView h, boolean oneLine) {
        List<Span> a = new ArrayList<>(List.of(lbl("Mem total"), val(h.memTotalBytes()), lbl(" used"),
                val(h.memUsedBytes()), lbl(" buffers"), val(h.memBuffersBytes()), lbl(" cache"),
                val(h.memCachedBytes()), lbl(" avail"), val(h.memAvailableBytes())));
        List<Span> b = List.of(lbl("Swap total"), val(h.swapTotalBytes()), lbl(" used"), val(h.swapUsedBytes()),
                lbl(" free"), val(Math.max(0, h.swapTotalBytes() - h.swapUsedBytes())));
        if (oneLine) {
            a.add(new Span("   ", Role.NORMAL));
            a.addAll(b);
            lines.add(a);
        } else {
            lines.add(a);
            lines.add(b);
        }
    }

    private static void disks(List<List<Span>> lines, HostView h) {
        lines.add(List.of(new Span(String.format("%-12s %8s %8s", "DISK", "READ/s", "WRITE/s"), Role.TABLE_HEADER)));
        for (DeviceRates d : h.disks()) {
            lines.add(List.of(new Span(Cells.padRight(d.device(), 12, '~'), Role.NORMAL),
                    new Span("   " + Cells.rate(d.readBps()) + "    " + Cells.rate(d.writeBps()), Role.VALUE)));
        }
    }

    private static void network(List<List<Span>> lines, HostView h) {
        lines.add(List.of(new Span(String.format("%-12s %8s %8s", "IFACE", "RX/s", "TX/s"), Role.TABLE_HEADER)));
        for (InterfaceRates n : h.interfaces()) {
            lines.add(List.of(new Span(Cells.padRight(n.iface(), 12, '~'), Role.NORMAL),
                    new Span("   " + Cells.rate(n.rxBps()) + "    " + Cells.rate(n.txBps()), Role.VALUE)));
        }
    }

    private static void top(List<List<Span>> lines, HostView h) {
        lines.add(List.of(new Span(String.format("%7s %5s %5s  %s", "PID", "CPU%", "RSS", "COMMAND"),
                Role.TABLE_HEADER)));
        for (ProcessRow r : h.topProcesses()) {
            lines.add(List.of(new Span(String.format("%7d ", r.pid()), Role.NORMAL),
                    new Span(Cells.pct(r.cpuPct()) + " " + Cells.bytes(r.rssBytes()), Role.VALUE),
                    new Span("  " + r.command(), Role.NORMAL)));
        }
    }

    private static Span lbl(String s) {
        return new Span(s + " ", Role.LABEL);
    }

    private static Span val(long bytes) {
        return new Span(Cells.bytesCompact(bytes), Role.VALUE);
    }
}
