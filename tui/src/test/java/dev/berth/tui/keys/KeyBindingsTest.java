package dev.berth.tui.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyBindingsTest {
    private final KeyBindings keys = KeyBindings.defaults();

    @Test
    void everyActionHasAKey() {
        for (Action a : Action.values()) {
            assertFalse(keys.keysFor(a).isEmpty(), a + " has no key");
        }
    }

    @Test
    void keysResolveToActions() {
        assertEquals(Optional.of(Action.QUIT), keys.actionFor(new KeyStroke('q', false, false)));
        assertEquals(Optional.of(Action.QUIT), keys.actionFor(new KeyStroke('c', true, false)));
        assertEquals(Optional.of(Action.REDRAW), keys.actionFor(new KeyStroke('l', true, false)));
        assertEquals(Optional.of(Action.LAUNCH), keys.actionFor(new KeyStroke('l', false, false)));
        assertEquals(Optional.of(Action.PAGE_DOWN), keys.actionFor(new KeyStroke(KeyType.PageDown)));
        assertEquals(Optional.of(Action.TREE), keys.actionFor(new KeyStroke(KeyType.F5)));
        assertEquals(Optional.of(Action.OPEN_DETAIL), keys.actionFor(new KeyStroke(KeyType.Enter)));
        assertEquals(Optional.empty(), keys.actionFor(new KeyStroke(KeyType.F12)));
        assertEquals(Optional.empty(), keys.actionFor(new KeyStroke('Z', false, false)));
    }
}
