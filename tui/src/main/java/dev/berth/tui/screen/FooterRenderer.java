package dev.berth.tui.screen;

import dev.berth.tui.keys.Action;
import dev.berth.tui.keys.KeyBindings;
import dev.berth.tui.style.Painter;
import dev.berth.tui.style.Role;
import dev.berth.tui.style.Span;
import java.util.ArrayList;
import java.util.List;

/** Draws the status line (filter input, messages, sort) and the footer of main keys. */
final class FooterRenderer {
    /** The footer's actions and short labels, in order; keys come from the binding table. */
    private static final List<Hint> MAIN = List.of(
            new Hint(Action.HELP, "Help"), new Hint(Action.OPEN_DETAIL, "Detail"),
            new Hint(Action.FILTER, "Filter"), new Hint(Action.SORT_NEXT, "Sort"),
            new Hint(Action.TREE, "Tree"), new Hint(Action.EDIT_LIMITS, "Limits"),
            new Hint(Action.FREEZE, "Freeze"), new Hint(Action.STOP, "Stop"),
            new Hint(Action.KILL, "Kill"), new Hint(Action.LAUNCH, "Launch"),
            new Hint(Action.QUIT, "Quit"));
    private static final List<Hint> DETAIL = List.of(
            new Hint(Action.BACK, "Back"), new Hint(Action.HELP, "Help"),
            new Hint(Action.EDIT_LIMITS, "Limits"), new Hint(Action.FREEZE, "Freeze"),
            new Hint(Action.STOP, "Stop"), new Hint(Action.KILL, "Kill"),
            new Hint(Action.QUIT, "Quit"));

    /** A footer entry: an action and its short label. */
    private record Hint(Action action, String label) {
    }

    private FooterRenderer() {
    }

    static void status(Painter p, int width, int row, ConsoleState s, int shown, int total) {
        if (s.filterEditing) {
            p.line(0, row, width, List.of(new Span("Filter: ", Role.LABEL), new Span(s.filter, Role.INPUT),
                    new Span("_", Role.INPUT), new Span("  Enter keep  Esc clear", Role.DIM)), Role.NORMAL);
            return;
        }
        List<Span> spans = new ArrayList<>();
        if (s.status != null) {
            spans.add(new Span(" " + s.status.text() + " ", s.status.error() ? Role.STATUS_ERROR : Role.STATUS_INFO));
            spans.add(new Span("  ", Role.NORMAL));
        } else if (s.readOnlyReason.isPresent()) {
            spans.add(new Span(" read-only: " + s.readOnlyReason.get() + " ", Role.BANNER));
            spans.add(new Span("  ", Role.NORMAL));
        }
        int warnings = s.snapshot == null ? 0 : s.snapshot.warnings().size();
        if (warnings > 0) {
            spans.add(new Span(" " + warnings + (warnings == 1 ? " warning" : " warnings") + " (w) ",
                    Role.STATUS_ERROR));
            spans.add(new Span("  ", Role.NORMAL));
        }
        StringBuilder info = new StringBuilder();
        if (s.view == ConsoleState.View.MAIN) {
            info.append(shown).append('/').append(total).append(" containers, sort ").append(s.sort.title())
                    .append(s.reverse ? " (reversed)" : "");
            if (!s.filter.isBlank()) {
                info.append(", filter '").append(s.filter).append('\'');
            }
            if (s.tree) {
                info.append(", tree");
            }
            if (s.showAll) {
                info.append(", all cgroups");
            }
        }
        spans.add(new Span(info.toString(), Role.DIM));
        p.line(0, row, width, spans, Role.NORMAL);
    }

    static void footer(Painter p, int width, int row, ConsoleState s, KeyBindings keys) {
        List<Span> spans = new ArrayList<>();
        for (Hint e : s.view == ConsoleState.View.DETAIL ? DETAIL : MAIN) {
            List<String> k = keys.keysFor(e.action());
            if (k.isEmpty()) {
                continue;
            }
            spans.add(new Span(KeyBindings.display(k.get(0)), Role.KEY));
            spans.add(new Span(e.label() + " ", Role.NORMAL));
        }
        p.line(0, row, width, spans, Role.NORMAL);
    }
}
