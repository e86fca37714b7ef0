package dev.berth.runtime.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KillSignalTest {
    @ParameterizedTest
    @CsvSource({"KILL, KILL, 9", "SIGKILL, KILL, 9", "kill, KILL, 9", "9, KILL, 9", "TERM, TERM, 15", "sigterm, TERM, 15",
        "15, TERM, 15", "HUP, HUP, 1", "1, HUP, 1", "USR1, USR1, 10", "STOP, STOP, 19", "CONT, CONT, 18", "INT, INT, 2"})
    void parsesNamesAndNumbers(String text, String name, int number) {
        assertEquals(new KillSignal(name, number), KillSignal.parse(text));
    }

    @org.junit.jupiter.api.Test
    void realTimeSignalsHaveOnlyANumber() {
        assertEquals(new KillSignal("40", 40), KillSignal.parse("40"));
        assertEquals("40", KillSignal.parse("40").toString());
        assertEquals("SIGTERM", KillSignal.TERM.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65", "999"})
    void numbersOutOfRange(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KillSignal.parse(text));
        assertEquals("signal " + text + " is out of range: expected 1..64 or a name such as TERM, KILL, HUP", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "BOGUS", "SIG", "-9", "TERM2", "1.5"})
    void unknownNamesListTheAcceptedOnes(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KillSignal.parse(text));
        assertTrue(e.getMessage().startsWith("unknown signal \"" + text + "\": expected a number 1..64 or one of HUP INT"),
                e.getMessage());
        assertTrue(e.getMessage().contains(" KILL ") && e.getMessage().contains(" TERM "), e.getMessage());
    }
}
