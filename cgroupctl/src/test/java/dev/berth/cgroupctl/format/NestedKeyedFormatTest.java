package dev.berth.cgroupctl.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NestedKeyedFormatTest {
    @Test
    void parsesIoStatLinesAndEmptyFiles() throws Exception {
        List<NestedKeyedFormat.Line> l = NestedKeyedFormat.parse(
                "8:0 rbytes=1228800 wbytes=4096 rios=37 wios=1 dbytes=0 dios=0\n");
        assertEquals("8:0", l.get(0).key());
        assertEquals("1228800", l.get(0).values().get("rbytes"));
        assertEquals(1228800, NestedKeyedFormat.requireLong(l.get(0), "rbytes"));
        assertEquals(List.of(), NestedKeyedFormat.parse(""));
        assertEquals(Map.of("rbps", "max", "wbps", "1048576"),
                NestedKeyedFormat.parse("8:16 rbps=max wbps=1048576").get(0).values());
    }

    @Test
    void parsesDevices() throws Exception {
        assertArrayEquals(new int[] {259, 0}, NestedKeyedFormat.parseDevice("259:0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"8:0 rbytes\n", "8:0 =5\n"})
    void rejectsPairsWithoutEquals(String content) {
        assertThrows(MalformedContentException.class, () -> NestedKeyedFormat.parse(content));
    }

    @ParameterizedTest
    @ValueSource(strings = {"8", "a:b", ":0"})
    void rejectsBadDevices(String key) {
        assertThrows(MalformedContentException.class, () -> NestedKeyedFormat.parseDevice(key));
    }
}
