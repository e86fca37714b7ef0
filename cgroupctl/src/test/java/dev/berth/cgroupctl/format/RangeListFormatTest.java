package dev.berth.cgroupctl.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.BitSet;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RangeListFormatTest {
    static Stream<Arguments> lists() {
        return Stream.of(Arguments.of("0-3,8", 5, "0-3,8"), Arguments.of("1", 1, "1"), Arguments.of("0-1\n", 2, "0-1"),
                Arguments.of("", 0, ""), Arguments.of("\n", 0, ""), Arguments.of("2,0-1", 3, "0-2"));
    }

    @ParameterizedTest
    @MethodSource("lists")
    void parsesAndFormatsLists(String list, int cardinality, String canonical) throws Exception {
        BitSet b = RangeListFormat.parse(list);
        assertEquals(cardinality, b.cardinality());
        assertEquals(canonical, RangeListFormat.format(b));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3-1", "a", "1-", "-1", "1,,2"})
    void rejectsBadLists(String list) {
        assertThrows(MalformedContentException.class, () -> RangeListFormat.parse(list));
    }
}
