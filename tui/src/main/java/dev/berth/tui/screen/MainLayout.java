package dev.berth.tui.screen;

import dev.berth.tui.view.HostView;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Geometry of the main screen as data, recomputed from the terminal size on every frame (htop's
 * {@code ScreenManager_resize}). Top to bottom: title row, meter rows, enabled panels, table
 * header, table body, status row, footer row. The table body keeps at least
 * {@link #MIN_TABLE_ROWS} rows; panels that do not fit are left out, then meter rows shrink.
 *
 * @param width terminal columns
 * @param height terminal rows
 * @param meterRows rows of host meters under the title (0..4): CPU, memory, swap, containers, IO, net
 * @param meterColumns 1 or 2 meter columns
 * @param panels the panels shown, with their rows
 * @param tableHeaderRow row of the table header
 * @param tableBodyRows rows of table body
 * @param statusRow row of the status line
 * @param footerRow row of the key footer
 */
public record MainLayout(int width, int height, int meterRows, int meterColumns, List<PanelSlot> panels,
        int tableHeaderRow, int tableBodyRows, int statusRow, int footerRow) {
    /** Smallest terminal the console draws in; below it shows a "terminal too small" message. */
    public static final int MIN_WIDTH = 30;
    /** Smallest terminal height the console draws in. */
    public static final int MIN_HEIGHT = 8;
    /** Table rows kept before panels are added. */
    public static final int MIN_TABLE_ROWS = 3;
    /** Width from which meters and per-core bars use two columns (htop's HF_TWO_50_50). */
    public static final int TWO_COLUMN_WIDTH = 70;

    /**
     * One panel's place.
     *
     * @param panel which panel
     * @param top first row
     * @param rows rows it may use
     */
    public record PanelSlot(Panel panel, int top, int rows) {
    }

    /** Whether the terminal is too small to draw anything but a message. */
    public static boolean tooSmall(int width, int height) {
        return width < MIN_WIDTH || height < MIN_HEIGHT;
    }

    /** Computes the layout for a {@code width}×{@code height} terminal. */
    public static MainLayout compute(int width, int height, EnumSet<Panel> enabled, Optional<HostView> host) {
        int cols = width >= TWO_COLUMN_WIDTH ? 2 : 1;
        int meterRows = cols == 2 ? 3 : 4;
        int fixed = 1 + 3; // title, table header, status, footer
        while (meterRows > 0 && height - fixed - meterRows < MIN_TABLE_ROWS) {
            meterRows--;
        }
        int free = height - fixed - meterRows;
        List<PanelSlot> slots = new ArrayList<>();
        int top = 1 + meterRows;
        for (Panel p : Panel.values()) {
            if (!enabled.contains(p)) {
                continue;
            }
            int want = Math.max(1, wanted(p, cols, width, host));
            int give = Math.min(want, free - MIN_TABLE_ROWS);
            if (give < Math.min(want, 2)) {
                continue; // not even a title and one line fits
            }
            slots.add(new PanelSlot(p, top, give));
            top += give;
            free -= give;
        }
        int body = Math.max(0, free);
        return new MainLayout(width, height, meterRows, cols, List.copyOf(slots), top, body, height - 2, height - 1);
    }

    private static int wanted(Panel p, int cols, int width, Optional<HostView> host) {
        int cores = host.map(h -> h.cpuPerCorePct().size()).orElse(1);
        return switch (p) {
            case CPU -> Math.min(16, (Math.max(cores, 1) + cols - 1) / cols);
            case MEMORY -> width >= 100 ? 1 : 2;
            case DISKS -> 1 + Math.min(6, Math.max(1, host.map(h -> h.disks().size()).orElse(1)));
            case NETWORK -> 1 + Math.min(6, Math.max(1, host.map(h -> h.interfaces().size()).orElse(1)));
            case TOP -> 1 + Math.min(8, Math.max(1, host.map(h -> h.topProcesses().size()).orElse(1)));
        };
    }
}
