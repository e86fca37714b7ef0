package dev.berth.tui.screen;

import dev.berth.tui.style.Glyphs;
import dev.berth.tui.style.Theme;
import dev.berth.tui.view.Snapshot;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Everything the console's frame depends on besides the terminal size: the latest snapshot and the
 * user's choices (view, panels, sort, filter, selection, overlay, status). Mutable and confined to
 * the UI thread; the renderer reads it, the controller changes it.
 */
public final class ConsoleState {
    /** The two full-screen views. */
    public enum View { MAIN, DETAIL }

    /**
     * The status line's message.
     *
     * @param text the message
     * @param error whether it reports a failure
     * @param at when it was set
     */
    public record Status(String text, boolean error, Instant at) {
    }

    Snapshot snapshot;
    final History history = new History(600);
    View view = View.MAIN;
    String detailId;
    int detailScroll;
    Overlay overlay;
    boolean filterEditing;
    String filter = "";
    final EnumSet<Panel> panels = EnumSet.noneOf(Panel.class);
    Column sort = Column.CPU;
    boolean reverse;
    boolean tree;
    boolean showAll;
    String selectedKey;
    int scrollTop;
    Status status;
    /** The replay's controls when the console shows recorded history ({@code berth replay}); null when live. */
    Replay replay;
    /** The jump prompt being typed after {@code j} or {@code J} in replay; null when none. */
    StringBuilder jumpPrompt;
    /** Whether the prompt jumps forward ({@code j}) or back ({@code J}). */
    boolean jumpForward;
    final Optional<String> readOnlyReason;
    final Theme theme;
    final Glyphs glyphs;
    /** Rows of the last frame's table body, for paging and mouse hits; set by the renderer. */
    int tableBodyRows = 1;
    /** Screen row of the table header in the last frame, -1 when no table was drawn. */
    int tableHeaderRow = -1;
    /** Column geometry of the last frame's table. */
    TableLayout tableLayout = TableLayout.compute(80);

    /** A fresh state: main view, sorted by CPU, no panels, no snapshot yet. */
    public ConsoleState(Theme theme, Glyphs glyphs, Optional<String> readOnlyReason) {
        this.theme = theme;
        this.glyphs = glyphs;
        this.readOnlyReason = readOnlyReason;
    }

    /** The rows shown in the table under the current filter, sort and tree settings. */
    public List<TableRow> rows() {
        if (snapshot == null) {
            return List.of();
        }
        return TableModel.rows(snapshot.containers(), filter, sort, reverse, tree, snapshot.host().memTotalBytes(),
                glyphs);
    }

    /** The latest snapshot, if one arrived. */
    public Optional<Snapshot> snapshot() {
        return Optional.ofNullable(snapshot);
    }

    /** The current view. */
    public View view() {
        return view;
    }

    /** The id of the container the detail view is open on (empty in the main view). */
    public Optional<String> detailId() {
        return view == View.DETAIL ? Optional.ofNullable(detailId) : Optional.empty();
    }

    /** The open overlay, if any. */
    public Optional<Overlay> overlay() {
        return Optional.ofNullable(overlay);
    }

    /** The current status message, if any. */
    public Optional<Status> status() {
        return Optional.ofNullable(status);
    }

    /** The current sort column. */
    public Column sort() {
        return sort;
    }

    /** Whether the sort is reversed. */
    public boolean reverse() {
        return reverse;
    }

    /** The current filter text. */
    public String filter() {
        return filter;
    }

    /** The key of the selected row, if any. */
    public Optional<String> selectedKey() {
        return Optional.ofNullable(selectedKey);
    }

    /** The enabled panels. */
    public EnumSet<Panel> panels() {
        return EnumSet.copyOf(panels.isEmpty() ? EnumSet.noneOf(Panel.class) : panels);
    }

    /** Lists every cgroup ({@code true}) or containers only; the {@code a} key toggles it. */
    public void setShowAll(boolean all) {
        this.showAll = all;
    }

    /** Whether every cgroup is listed, not only containers. */
    public boolean showAll() {
        return showAll;
    }

    /** Whether the tree view is on. */
    public boolean tree() {
        return tree;
    }
}
