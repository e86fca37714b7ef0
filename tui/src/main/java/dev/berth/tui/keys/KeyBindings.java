package dev.berth.tui.keys;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The key table: which keys trigger which {@link Action}. One default table, held as data (like
 * htop's {@code Action_setBindings}); the help overlay and the footer are generated from it.
 *
 * <p>Keys are named as strings: a single character ({@code "q"}, {@code "/"}), or a special key
 * ({@code "Enter"}, {@code "Esc"}, {@code "Up"}, {@code "F5"}), or {@code "^L"} for Ctrl+L.
 * Immutable and thread-safe.
 */
public final class KeyBindings {
    private final Map<String, Action> byKey;
    private final Map<Action, List<String>> byAction;

    private KeyBindings(Map<String, Action> byKey) {
        this.byKey = Collections.unmodifiableMap(new LinkedHashMap<>(byKey));
        Map<Action, List<String>> inv = new EnumMap<>(Action.class);
        byKey.forEach((k, a) -> inv.computeIfAbsent(a, x -> new ArrayList<>()).add(k));
        inv.replaceAll((a, l) -> List.copyOf(l));
        this.byAction = Collections.unmodifiableMap(inv);
    }

    /** The default table. */
    public static KeyBindings defaults() {
        Map<String, Action> m = new LinkedHashMap<>();
        bind(m, Action.QUIT, "q", "^C");
        bind(m, Action.HELP, "?", "h", "F1");
        bind(m, Action.UP, "Up", "k");
        bind(m, Action.DOWN, "Down", "j");
        bind(m, Action.PAGE_UP, "PgUp");
        bind(m, Action.PAGE_DOWN, "PgDn", " ");
        bind(m, Action.HOME, "Home", "g");
        bind(m, Action.END, "End", "G");
        bind(m, Action.OPEN_DETAIL, "Enter");
        bind(m, Action.BACK, "Esc", "Backspace");
        bind(m, Action.FILTER, "/");
        bind(m, Action.SORT_NEXT, ">", "Right");
        bind(m, Action.SORT_PREV, "<", "Left");
        bind(m, Action.SORT_REVERSE, "r", "I");
        bind(m, Action.TREE, "T", "F5");
        bind(m, Action.SHOW_ALL, "a");
        bind(m, Action.PANEL_CPU, "c");
        bind(m, Action.PANEL_MEMORY, "m");
        bind(m, Action.PANEL_DISKS, "d");
        bind(m, Action.PANEL_NETWORK, "n");
        bind(m, Action.PANEL_TOP, "t");
        bind(m, Action.EDIT_LIMITS, "e", "F4");
        bind(m, Action.FREEZE, "f", "F7");
        bind(m, Action.STOP, "s", "F8");
        bind(m, Action.KILL, "x", "F9");
        bind(m, Action.LAUNCH, "l", "F2");
        bind(m, Action.WARNINGS, "w");
        bind(m, Action.REDRAW, "^L");
        return new KeyBindings(m);
    }

    private static void bind(Map<String, Action> m, Action a, String... keys) {
        for (String k : keys) {
            Action old = m.put(k, a);
            if (old != null) {
                throw new IllegalStateException("key " + k + " bound twice: " + old + " and " + a);
            }
        }
    }

    /** The action bound to {@code key}, if any. */
    public Optional<Action> actionFor(KeyStroke key) {
        return name(key).map(byKey::get);
    }

    /** The keys of {@code action}, in table order (empty when unbound). */
    public List<String> keysFor(Action action) {
        return byAction.getOrDefault(action, List.of());
    }

    /** The name of a key stroke in the table's notation, if it has one. */
    public static Optional<String> name(KeyStroke key) {
        KeyType t = key.getKeyType();
        if (t == KeyType.Character) {
            char c = key.getCharacter();
            if (key.isCtrlDown()) {
                return Optional.of("^" + Character.toUpperCase(c));
            }
            return Optional.of(String.valueOf(c));
        }
        String n = switch (t) {
            case Enter -> "Enter";
            case Escape -> "Esc";
            case Backspace -> "Backspace";
            case ArrowUp -> "Up";
            case ArrowDown -> "Down";
            case ArrowLeft -> "Left";
            case ArrowRight -> "Right";
            case PageUp -> "PgUp";
            case PageDown -> "PgDn";
            case Home -> "Home";
            case End -> "End";
            case Tab -> "Tab";
            case F1 -> "F1";
            case F2 -> "F2";
            case F4 -> "F4";
            case F5 -> "F5";
            case F6 -> "F6";
            case F7 -> "F7";
            case F8 -> "F8";
            case F9 -> "F9";
            case F10 -> "F10";
            default -> null;
        };
        return Optional.ofNullable(n);
    }

    /** Human-readable key name for help and footer: a space shows as {@code Space}. */
    public static String display(String key) {
        return key.equals(" ") ? "Space" : key;
    }
}
