package dev.berth.tui.screen;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A small form: labelled text fields that start at their current values and are validated on
 * every key stroke. Used for the limit editor and the launch form. UI-thread confined.
 *
 * <p>Keys: printable characters type, Backspace deletes, Ctrl+U clears the field, Tab/Down and
 * Shift+Tab/Up move between fields, Enter submits when every field is valid, Esc cancels.
 */
public final class Form {
    /**
     * One field.
     *
     * @param key identifier returned in {@link #values()}
     * @param label shown left of the input
     * @param initial starting value (the current value)
     * @param enabled false when the value cannot be changed (controller unavailable)
     * @param hint what the field accepts
     * @param validator error message for a value, or empty when valid
     */
    public record Field(String key, String label, String initial, boolean enabled, String hint,
            Function<String, Optional<String>> validator) {
    }

    /** What a key did to the form. */
    public enum Outcome { EDITED, SUBMIT, CANCEL, IGNORED }

    private final String title;
    private final List<Field> fields;
    private final List<StringBuilder> values = new ArrayList<>();
    private int focus;

    /** A form titled {@code title} with {@code fields} in order; focus on the first enabled field. */
    public Form(String title, List<Field> fields) {
        this.title = title;
        this.fields = List.copyOf(fields);
        for (Field f : fields) {
            values.add(new StringBuilder(f.initial()));
        }
        focus = 0;
        while (focus < fields.size() - 1 && !fields.get(focus).enabled()) {
            focus++;
        }
    }

    /** Title of the form. */
    public String title() {
        return title;
    }

    /** The fields. */
    public List<Field> fields() {
        return fields;
    }

    /** Index of the focused field. */
    public int focus() {
        return focus;
    }

    /** Current text of field {@code i}. */
    public String value(int i) {
        return values.get(i).toString();
    }

    /** The validation error of field {@code i}, recomputed from its current text. */
    public Optional<String> error(int i) {
        Field f = fields.get(i);
        if (!f.enabled()) {
            return Optional.empty();
        }
        return f.validator().apply(value(i));
    }

    /** Whether every enabled field is valid. */
    public boolean valid() {
        for (int i = 0; i < fields.size(); i++) {
            if (error(i).isPresent()) {
                return false;
            }
        }
        return true;
    }

    /** Every enabled field's value by key. */
    public Map<String, String> values() {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).enabled()) {
                m.put(fields.get(i).key(), value(i).strip());
            }
        }
        return m;
    }

    /** The enabled fields whose value differs from the initial one, by key. */
    public Map<String, String> changed() {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            if (f.enabled() && !value(i).strip().equals(f.initial().strip())) {
                m.put(f.key(), value(i).strip());
            }
        }
        return m;
    }

    /** Applies one key stroke. */
    public Outcome handle(KeyStroke k) {
        KeyType t = k.getKeyType();
        switch (t) {
            case Escape:
                return Outcome.CANCEL;
            case Enter:
                return valid() ? Outcome.SUBMIT : Outcome.EDITED;
            case Tab:
            case ArrowDown:
                move(1);
                return Outcome.EDITED;
            case ReverseTab:
            case ArrowUp:
                move(-1);
                return Outcome.EDITED;
            case Backspace: {
                StringBuilder v = values.get(focus);
                if (fields.get(focus).enabled() && v.length() > 0) {
                    v.setLength(v.length() - 1);
                }
                return Outcome.EDITED;
            }
            case Character: {
                char c = k.getCharacter();
                if (k.isCtrlDown() && (c == 'u' || c == 'U')) {
                    values.get(focus).setLength(0);
                    return Outcome.EDITED;
                }
                if (k.isCtrlDown() || k.isAltDown() || !fields.get(focus).enabled()) {
                    return Outcome.IGNORED;
                }
                values.get(focus).append(c);
                return Outcome.EDITED;
            }
            default:
                return Outcome.IGNORED;
        }
    }

    private void move(int d) {
        int n = fields.size();
        for (int step = 1; step <= n; step++) {
            int i = Math.floorMod(focus + d * step, n);
            if (fields.get(i).enabled()) {
                focus = i;
                return;
            }
        }
    }
}
