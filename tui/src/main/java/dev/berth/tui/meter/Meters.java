package dev.berth.tui.meter;

import dev.berth.tui.format.Cells;
import dev.berth.tui.style.Role;
import dev.berth.tui.view.HostView;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** Computes the header's meter values from a {@link HostView} (the "update values" half of a meter). */
public final class Meters {
    private Meters() {
    }

    /** Total CPU: one segment coloured by load. */
    public static BarMeter cpuTotal(HostView h) {
        return cpu("CPU", h.cpuTotalPct());
    }

    /** One bar per logical CPU, labelled {@code 0}, {@code 1}, ... */
    public static List<BarMeter> cpuPerCore(HostView h) {
        List<BarMeter> out = new ArrayList<>();
        List<Double> cores = h.cpuPerCorePct();
        int w = String.valueOf(Math.max(0, cores.size() - 1)).length();
        for (int i = 0; i < cores.size(); i++) {
            out.add(cpu(Cells.pad(String.valueOf(i), Math.max(w, 3)), OptionalDouble.of(cores.get(i))));
        }
        return out;
    }

    private static BarMeter cpu(String label, OptionalDouble pct) {
        if (pct.isEmpty()) {
            return new BarMeter(label, List.of(), Cells.pct(pct).strip() + "%");
        }
        double f = clamp(pct.getAsDouble() / 100);
        return new BarMeter(label, List.of(new BarMeter.Segment(f, BarMeter.loadRole(f))),
                Cells.pct(pct).strip() + "%");
    }

    /** Memory: used (by load), buffers, cache; text {@code used/total}. */
    public static BarMeter memory(HostView h) {
        long total = h.memTotalBytes();
        if (total <= 0) {
            return new BarMeter("Mem", List.of(), "-");
        }
        double used = clamp((double) h.memUsedBytes() / total);
        double buf = clamp((double) h.memBuffersBytes() / total);
        double cache = clamp((double) h.memCachedBytes() / total);
        return new BarMeter("Mem", List.of(new BarMeter.Segment(used, BarMeter.loadRole(used)),
                new BarMeter.Segment(Math.min(buf, 1 - used), Role.BAR_BUFFERS),
                new BarMeter.Segment(Math.max(0, Math.min(cache, 1 - used - buf)), Role.BAR_CACHE)),
                Cells.bytesCompact(h.memUsedBytes()) + "/" + Cells.bytesCompact(total));
    }

    /** Swap used of total; an empty bar reading {@code none} when there is no swap. */
    public static BarMeter swap(HostView h) {
        if (h.swapTotalBytes() <= 0) {
            return new BarMeter("Swp", List.of(), "none");
        }
        double f = clamp((double) h.swapUsedBytes() / h.swapTotalBytes());
        return new BarMeter("Swp", List.of(new BarMeter.Segment(f, BarMeter.loadRole(f))),
                Cells.bytesCompact(h.swapUsedBytes()) + "/" + Cells.bytesCompact(h.swapTotalBytes()));
    }

    private static double clamp(double f) {
        return Double.isNaN(f) ? 0 : Math.max(0, Math.min(1, f));
    }
}
