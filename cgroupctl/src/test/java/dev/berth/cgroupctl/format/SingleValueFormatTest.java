package dev.berth.cgroupctl.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.cgroupctl.Limit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SingleValueFormatTest {
    @Test
    void parsesNumbersWithOrWithoutTrailingNewline() throws Exception {
        assertEquals(5304320, SingleValueFormat.parseUnsigned("5304320\n"));
        assertEquals(5304320, SingleValueFormat.parseUnsigned("5304320"));
        assertEquals(-1, SingleValueFormat.parseLong("-1\n"));
    }

    @Test
    void maxIsUnlimitedAndNumbersAreValues() throws Exception {
        assertEquals(Limit.UNLIMITED, SingleValueFormat.parseLimit("max\n"));
        assertEquals(Limit.of(4915), SingleValueFormat.parseLimit("4915\n"));
        assertEquals("max", SingleValueFormat.parseLimit("max").toString());
    }

    @Test
    void saturatesU64ValuesAboveLongMax() throws Exception {
        assertEquals(Long.MAX_VALUE, SingleValueFormat.parseUnsigned("18446744073709551615\n"));
    }

    @Test
    void splitsFields() throws Exception {
        assertEquals(List.of("max", "100000"), SingleValueFormat.parseFields("max 100000\n", 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", "12\n13\n", "abc\n", "12abc", "-5\n", "max max\n"})
    void rejectsAnythingButOneNonNegativeValue(String content) {
        assertThrows(MalformedContentException.class, () -> SingleValueFormat.parseLimit(content));
    }

    @Test
    void rejectsWrongFieldCount() {
        assertThrows(MalformedContentException.class, () -> SingleValueFormat.parseFields("50000\n", 2));
    }
}
