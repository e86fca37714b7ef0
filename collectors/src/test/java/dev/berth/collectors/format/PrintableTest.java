package dev.berth.collectors.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrintableTest {
    @Test
    void safeTextIsReturnedAsItIs() {
        String s = "web-1 /system.slice/dev-disk-by\\x2duuid.device é 中";
        assertSame(s, Printable.escape(s));
        assertSame(s, Printable.cell(s));
    }

    @Test
    void controlCharactersAreWrittenAsEscapes() {
        assertEquals("x\\e[2J", Printable.escape("x\u001b[2J"));
        assertEquals("a\\nb\\r\\t", Printable.escape("a\nb\r\t"));
        assertEquals("\\x00\\x7f\\x9b", Printable.escape("\u0000\u007f\u009b"));
        assertEquals("abc\\u{202e}d", Printable.escape("abc\u202ed"));
    }

    @Test
    void cellsKeepOneCharacterPerCharacter() {
        assertEquals("x?[2J?", Printable.cell("x\u001b[2J\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u001b]52;c;aGk=\u0007", "\u009b2J", "a\u0000b", "\u200d"})
    void nothingUnsafeSurvives(String hostile) {
        assertTrue(Printable.isSafe(Printable.escape(hostile)));
        assertTrue(Printable.isSafe(Printable.cell(hostile)));
    }
}
