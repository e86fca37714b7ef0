package dev.berth.cgroupctl.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ListFormatTest {
    @Test
    void parsesIdsAndWords() throws Exception {
        assertEquals(List.of(8411L, 8432L), ListFormat.parseIds("8411\n8432\n"));
        assertEquals(List.of(), ListFormat.parseIds(""));
        assertEquals(List.of("cpuset", "cpu", "io"), ListFormat.parseWords("cpuset cpu io\n"));
        assertEquals(List.of(), ListFormat.parseWords("\n"));
    }

    @Test
    void rejectsNonIds() {
        MalformedContentException e = assertThrows(MalformedContentException.class,
                () -> ListFormat.parseIds("12\nabc\n"));
        assertEquals("abc", e.line());
    }
}
