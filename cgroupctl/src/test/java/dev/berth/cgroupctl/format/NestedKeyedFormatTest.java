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
        // The io.stat example output of Documentation/admin-guide/cgroup-v2.rst.
        List<NestedKeyedFormat.Line> l = NestedKeyedFormat.parse(
                "8:16 rbytes=1459200 wbytes=314773504 rios=192 wios=353 dbytes=0 dios=0\n"
                        + "8:0 rbytes=90430464 wbytes=299008000 rios=8950 wios=1252 dbytes=50331648 dios=3021\n");
        assertEquals(2, l.size());
        assertEquals("8:16", l.get(0).key());
        assertEquals("1459200", l.get(0).values().get("rbytes"));
        assertEquals(1459200, NestedKeyedFormat.requireLong(l.get(0), "rbytes"));
        assertEquals(50331648, NestedKeyedFormat.requireLong(l.get(1), "dbytes"));
        assertEquals(List.of(), NestedKeyedFormat.parse(""));
        // The io.max example output of cgroup-v2.rst.
        assertEquals(Map.of("rbps", "2097152", "wbps", "max", "riops", "max", "wiops", "120"),
                NestedKeyedFormat.parse("8:16 rbps=2097152 wbps=max riops=max wiops=120\n").get(0).values());
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
