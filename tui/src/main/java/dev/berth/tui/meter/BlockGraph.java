package dev.berth.tui.meter;

import dev.berth.tui.style.Glyphs;
import java.util.ArrayList;
import java.util.List;

/**
 * A graph of the last values, {@code height} rows tall: one column per sample, newest at the
 * right, each row split into the glyph set's spark levels. With {@code height == 1} it is a
 * sparkline.
 */
public final class BlockGraph {
    private BlockGraph() {
    }

    /**
     * Renders the newest {@code width} of {@code values} (oldest first; NaN = not measured).
     *
     * @param ceiling value drawn as a full column; when {@code <= 0} the largest shown value
     * @return {@code height} strings of {@code width} characters, top row first
     */
    public static List<String> render(double[] values, int width, int height, double ceiling, Glyphs glyphs) {
        List<String> rows = new ArrayList<>();
        if (width <= 0 || height <= 0) {
            return rows;
        }
        int n = Math.min(width, values.length);
        int from = values.length - n;
        double top = ceiling > 0 ? ceiling : max(values, from);
        char[] sparks = glyphs.sparks();
        int levels = sparks.length - 1;
        StringBuilder[] sb = new StringBuilder[height];
        for (int r = 0; r < height; r++) {
            sb[r] = new StringBuilder(" ".repeat(width - n));
        }
        for (int i = from; i < values.length; i++) {
            double v = values[i];
            double f = top <= 0 || Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v / top));
            int units = (int) Math.round(f * height * levels);
            if (units == 0 && f > 0) {
                units = 1; // any non-zero value stays visible
            }
            for (int r = 0; r < height; r++) {
                int fromBottom = height - 1 - r;
                int here = Math.max(0, Math.min(levels, units - fromBottom * levels));
                sb[r].append(sparks[here]);
            }
        }
        for (StringBuilder b : sb) {
            rows.add(b.toString());
        }
        return rows;
    }

    private static double max(double[] values, int from) {
        double m = 0;
        for (int i = from; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                m = Math.max(m, values[i]);
            }
        }
        return m;
    }
}
