package dev.berth.tui.screen;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.input.MouseAction;
import com.googlecode.lanterna.input.MouseActionType;
import dev.berth.tui.action.ContainerActions;
import dev.berth.tui.keys.Action;
import dev.berth.tui.keys.KeyBindings;
import dev.berth.tui.keys.Result;
import dev.berth.tui.sample.SampleRequest;
import dev.berth.tui.view.ContainerRow;
import dev.berth.tui.view.Snapshot;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * Turns input into state changes: key strokes go to the open overlay, the filter input, or through
 * the {@link KeyBindings} table to an {@link Action}; mouse events select, sort and scroll. Every
 * handler returns a {@link Result} and never draws. UI-thread confined.
 */
public final class ConsoleController {
    /** Info messages older than this disappear from the status line at the next sample. */
    static final Duration STATUS_TTL = Duration.ofSeconds(10);
    private static final long DOUBLE_CLICK_MS = 400;

    private final ConsoleState s;
    private final KeyBindings keys;
    private final ActionHandler actions;
    private final Effects effects;
    private final InstantSource clock;
    private Instant lastClick = Instant.EPOCH;
    private RecordedHistory recorded;
    private Duration interval;
    private String lastClickKey;

    /** A controller over {@code state}. */
    public ConsoleController(ConsoleState state, KeyBindings keys, ContainerActions actions, Effects effects,
            InstantSource clock) {
        this.s = state;
        this.keys = keys;
        this.effects = effects;
        this.clock = clock;
        this.actions = new ActionHandler(state, actions, effects, clock);
    }

    /** Makes this a replay console: t/T, j/J and space move through recorded history (atop's and below's keys). */
    public void setReplay(Replay replay) {
        s.replay = replay;
    }

    /**
     * Lets the live console's detail graphs reach back into the history store: when the detail view opens on a
     * container, its recorded samples of the time the graphs span (at one point per {@code interval}) are read in
     * the background and put before its live points.
     */
    public void setRecordedHistory(RecordedHistory recorded, Duration interval) {
        this.recorded = recorded;
        this.interval = interval;
    }

    /** The container whose detail the sampler should collect (the detail view's), if any. */
    public Optional<String> focus() {
        return s.detailId();
    }

    /** What the sampler should collect next, from the current view, panels and settings. */
    public SampleRequest sampleRequest() {
        return new SampleRequest(focus(), s.showAll, s.panels.contains(Panel.TOP));
    }

    /** Takes a new snapshot from the sampler: records history and ages the status line. */
    public Result onSnapshot(Snapshot snap) {
        s.snapshot = snap;
        s.history.record(snap);
        if (s.replay != null && s.jumpPrompt == null) {
            List<String> events = s.replay.newEvents();
            if (!events.isEmpty()) {
                actions.info(events.get(events.size() - 1));
                return Result.REDRAW;
            }
        }
        if (s.status != null && !s.status.error()
                && Duration.between(s.status.at(), clock.instant()).compareTo(STATUS_TTL) > 0) {
            s.status = null;
        }
        return Result.REDRAW;
    }

    /** Reports a sampling failure in the status line; the console keeps running. */
    public Result onSampleError(String message) {
        actions.error("sampling failed: " + message);
        return Result.REDRAW;
    }

    /** Handles one key stroke or mouse event. */
    public Result handle(KeyStroke k) {
        if (k.getKeyType() == KeyType.EOF) {
            return Result.QUIT;
        }
        if (s.overlay != null) {
            return overlayKey(k);
        }
        if (s.filterEditing) {
            return filterKey(k);
        }
        if (k instanceof MouseAction m) {
            return mouse(m);
        }
        if (s.replay != null) {
            Optional<Result> r = ReplayKeys.handle(s, k, effects, actions);
            if (r.isPresent()) {
                return r.get();
            }
        }
        Optional<Action> a = keys.actionFor(k);
        if (a.isEmpty()) {
            return Result.IGNORED;
        }
        return perform(a.get());
    }

    /** Performs a named action, as if its key was pressed. */
    public Result perform(Action a) {
        boolean detail = s.view == ConsoleState.View.DETAIL;
        switch (a) {
            case QUIT:
                return Result.QUIT;
            case HELP:
                s.overlay = new Overlay.Help(0);
                return Result.REDRAW;
            case WARNINGS:
                s.overlay = new Overlay.Warnings(0);
                return Result.REDRAW;
            case UP:
                return detail ? scrollDetail(-1) : move(-1);
            case DOWN:
                return detail ? scrollDetail(1) : move(1);
            case PAGE_UP:
                return detail ? scrollDetail(-10) : move(-s.tableBodyRows);
            case PAGE_DOWN:
                return detail ? scrollDetail(10) : move(s.tableBodyRows);
            case HOME:
                return detail ? scrollDetail(-100_000) : move(-100_000);
            case END:
                return detail ? scrollDetail(100_000) : move(100_000);
            case OPEN_DETAIL:
                return openDetail();
            case BACK:
                if (detail) {
                    s.view = ConsoleState.View.MAIN;
                    s.selectedKey = s.detailId;
                    s.detailId = null;
                } else if (!s.filter.isEmpty()) {
                    s.filter = "";
                } else {
                    s.status = null;
                }
                return Result.REDRAW;
            case FILTER:
                if (detail) {
                    return Result.IGNORED;
                }
                s.filterEditing = true;
                return Result.REDRAW;
            case SORT_NEXT:
                return detail ? Result.IGNORED : cycleSort(1);
            case SORT_PREV:
                return detail ? Result.IGNORED : cycleSort(-1);
            case SORT_REVERSE:
                s.reverse = !s.reverse;
                return Result.REDRAW;
            case TREE:
                s.tree = !s.tree;
                return Result.REDRAW;
            case SHOW_ALL:
                s.showAll = !s.showAll;
                actions.info(s.showAll ? "listing every cgroup from the next sample" : "listing containers only");
                effects.sampleNow();
                return Result.REDRAW;
            case PANEL_CPU:
                return toggle(Panel.CPU);
            case PANEL_MEMORY:
                return toggle(Panel.MEMORY);
            case PANEL_DISKS:
                return toggle(Panel.DISKS);
            case PANEL_NETWORK:
                return toggle(Panel.NETWORK);
            case PANEL_TOP:
                effects.sampleNow();
                return toggle(Panel.TOP);
            case EDIT_LIMITS:
            case FREEZE:
            case STOP:
            case KILL:
            case LAUNCH:
                actions.start(a, target());
                return Result.REDRAW;
            case REDRAW:
                return Result.REPAINT;
            default:
                return Result.IGNORED;
        }
    }

    private Optional<ContainerRow> target() {
        String key = s.view == ConsoleState.View.DETAIL ? s.detailId : s.selectedKey;
        if (key == null || s.snapshot == null) {
            return Optional.empty();
        }
        return s.snapshot.containers().stream().filter(c -> c.id().equals(key)).findFirst();
    }

    private Result toggle(Panel p) {
        if (!s.panels.remove(p)) {
            s.panels.add(p);
        }
        return Result.REDRAW;
    }

    private Result openDetail() {
        if (s.view == ConsoleState.View.DETAIL) {
            return Result.IGNORED;
        }
        Optional<ContainerRow> c = target();
        if (c.isEmpty()) {
            return Result.IGNORED;
        }
        s.view = ConsoleState.View.DETAIL;
        s.detailId = c.get().id();
        s.detailScroll = 0;
        effects.sampleNow();
        backfill(c.get().id());
        return Result.REDRAW;
    }

    /** Reads container {@code id}'s recorded history, once, and prepends it to its graphs' series. */
    private void backfill(String id) {
        if (recorded == null || s.replay != null || !s.history.claimBackfill(id)) {
            return;
        }
        Optional<Instant> first = s.history.firstAt(id);
        if (first.isEmpty()) {
            return;
        }
        Instant to = first.get();
        // The graphs' span, and one more minute: the row covering the oldest point needs the sample before it.
        Instant from = to.minus(interval.multipliedBy(s.history.capacity())).minusSeconds(60);
        RecordedHistory source = recorded;
        Duration step = interval;
        effects.background(() -> {
            try {
                List<RecordedHistory.Point> rows = source.rows(id, from, to);
                effects.onUiThread(() -> s.history.prepend(id, rows, step));
            } catch (java.io.IOException | RuntimeException e) {
                String why = e.getMessage() == null ? e.toString() : e.getMessage();
                effects.onUiThread(() -> actions.info("graphs without recorded history: " + why));
            }
        });
    }

    private Result scrollDetail(int delta) {
        s.detailScroll = Math.max(0, s.detailScroll + delta);
        return Result.REDRAW;
    }

    private Result move(int delta) {
        List<TableRow> rows = s.rows();
        if (rows.isEmpty()) {
            return Result.IGNORED;
        }
        int i = TableRenderer.indexOf(rows, s.selectedKey);
        int next = Math.max(0, Math.min(rows.size() - 1, (i < 0 ? 0 : i) + delta));
        s.selectedKey = rows.get(next).key();
        return Result.REDRAW;
    }

    private Result cycleSort(int d) {
        List<TableLayout.Cell> cells = s.tableLayout.cells();
        int i = 0;
        for (int j = 0; j < cells.size(); j++) {
            if (cells.get(j).column() == s.sort) {
                i = j;
            }
        }
        s.sort = cells.get(Math.floorMod(i + d, cells.size())).column();
        s.reverse = false;
        return Result.REDRAW;
    }

    private Result filterKey(KeyStroke k) {
        switch (k.getKeyType()) {
            case Enter:
                s.filterEditing = false;
                return Result.REDRAW;
            case Escape:
                s.filterEditing = false;
                s.filter = "";
                return Result.REDRAW;
            case Backspace:
                if (!s.filter.isEmpty()) {
                    s.filter = s.filter.substring(0, s.filter.length() - 1);
                }
                return Result.REDRAW;
            case Character:
                if (k.isCtrlDown()) {
                    return k.getCharacter() == 'c' ? Result.QUIT : Result.IGNORED;
                }
                s.filter = s.filter + k.getCharacter();
                s.scrollTop = 0;
                return Result.REDRAW;
            default:
                return Result.IGNORED;
        }
    }

    private Result overlayKey(KeyStroke k) {
        Overlay o = s.overlay;
        if (k instanceof MouseAction) {
            return Result.IGNORED;
        }
        if (o instanceof Overlay.Help h) {
            Optional<Action> a = keys.actionFor(k);
            if (a.isPresent() && (a.get() == Action.UP || a.get() == Action.DOWN)) {
                s.overlay = new Overlay.Help(Math.max(0, h.scroll() + (a.get() == Action.UP ? -1 : 1)));
                return Result.REDRAW;
            }
            if (a.isPresent() && a.get() == Action.QUIT && k.isCtrlDown()) {
                return Result.QUIT;
            }
            s.overlay = null;
            return Result.REDRAW;
        }
        if (o instanceof Overlay.Warnings w) {
            Optional<Action> a = keys.actionFor(k);
            if (a.isPresent() && (a.get() == Action.UP || a.get() == Action.DOWN)) {
                s.overlay = new Overlay.Warnings(Math.max(0, w.scroll() + (a.get() == Action.UP ? -1 : 1)));
                return Result.REDRAW;
            }
            if (a.isPresent() && a.get() == Action.QUIT && k.isCtrlDown()) {
                return Result.QUIT;
            }
            s.overlay = null;
            return Result.REDRAW;
        }
        if (o instanceof Overlay.Confirm c) {
            boolean yes = k.getKeyType() == KeyType.Character && (k.getCharacter() == 'y' || k.getCharacter() == 'Y');
            boolean no = k.getKeyType() == KeyType.Escape || (k.getKeyType() == KeyType.Character
                    && (k.getCharacter() == 'n' || k.getCharacter() == 'N' || k.getCharacter() == 'q'));
            if (yes) {
                s.overlay = null;
                c.onYes().run();
            } else if (no) {
                s.overlay = null;
                actions.info("cancelled");
            } else {
                return Result.IGNORED;
            }
            return Result.REDRAW;
        }
        if (o instanceof Overlay.Choice c) {
            switch (k.getKeyType()) {
                case ArrowUp -> s.overlay = new Overlay.Choice(c.title(), c.options(),
                        Math.max(0, c.selected() - 1), c.onPick());
                case ArrowDown -> s.overlay = new Overlay.Choice(c.title(), c.options(),
                        Math.min(c.options().size() - 1, c.selected() + 1), c.onPick());
                case Enter -> {
                    s.overlay = null;
                    c.onPick().accept(c.selected());
                }
                case Escape -> s.overlay = null;
                default -> {
                    return Result.IGNORED;
                }
            }
            return Result.REDRAW;
        }
        if (o instanceof Overlay.FormBox f) {
            switch (f.form().handle(k)) {
                case SUBMIT -> {
                    s.overlay = null;
                    f.onSubmit().accept(f.form());
                }
                case CANCEL -> {
                    s.overlay = null;
                    actions.info("cancelled");
                }
                case IGNORED -> {
                    return Result.IGNORED;
                }
                default -> {
                }
            }
            return Result.REDRAW;
        }
        return Result.IGNORED;
    }

    private Result mouse(MouseAction m) {
        MouseActionType t = m.getActionType();
        if (t == MouseActionType.SCROLL_UP || t == MouseActionType.SCROLL_DOWN) {
            int d = t == MouseActionType.SCROLL_UP ? -3 : 3;
            return s.view == ConsoleState.View.DETAIL ? scrollDetail(d) : move(d);
        }
        if (t != MouseActionType.CLICK_DOWN || s.view != ConsoleState.View.MAIN || s.tableHeaderRow < 0) {
            return Result.IGNORED;
        }
        int row = m.getPosition().getRow();
        int col = m.getPosition().getColumn();
        if (row == s.tableHeaderRow) {
            Optional<Column> c = s.tableLayout.columnAt(col);
            if (c.isEmpty()) {
                return Result.IGNORED;
            }
            if (c.get() == s.sort) {
                s.reverse = !s.reverse;
            } else {
                s.sort = c.get();
                s.reverse = false;
            }
            return Result.REDRAW;
        }
        int idx = s.scrollTop + row - s.tableHeaderRow - 1;
        List<TableRow> rows = s.rows();
        if (row <= s.tableHeaderRow || row > s.tableHeaderRow + s.tableBodyRows || idx >= rows.size()) {
            return Result.IGNORED;
        }
        String key = rows.get(idx).key();
        Instant now = clock.instant();
        boolean dbl = key.equals(lastClickKey) && Duration.between(lastClick, now).toMillis() <= DOUBLE_CLICK_MS;
        s.selectedKey = key;
        lastClick = now;
        lastClickKey = key;
        return dbl ? openDetail() : Result.REDRAW;
    }
}
