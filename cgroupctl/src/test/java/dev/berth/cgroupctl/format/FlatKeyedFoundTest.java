package dev.berth.cgroupctl.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.cgroupctl.MemoryStat;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The in-place keyed parse handed on as a map: the same map, in key order, as the String parser's keys gives. */
class FlatKeyedFoundTest {
    private static final FlatKeyedFormat.Keys KEYS = new FlatKeyedFormat.Keys("anon", "file", "inactive_file",
            "total_rss");

    @Test
    void equalsTheMapOfTheKeysFoundInKeyOrderAndIsUnmodifiable() throws Exception {
        byte[] content = "file 20\nshmem 3\nanon 10\ninactive_file 5\n".getBytes(StandardCharsets.US_ASCII);
        long[] v = new long[KEYS.size()];
        long found = FlatKeyedFormat.parse(content, content.length, KEYS, v, false);
        Map<String, Long> m = FlatKeyedFormat.found(KEYS, v, found);
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("anon", 10L);
        expected.put("file", 20L);
        expected.put("inactive_file", 5L);
        assertEquals(expected, m);
        assertEquals(m, expected);
        assertEquals(expected.hashCode(), m.hashCode());
        assertEquals(List.of("anon", "file", "inactive_file"), new ArrayList<>(m.keySet()), "key order");
        assertNull(m.get("total_rss"), "not in the file");
        assertNull(m.get("shmem"), "in the file, not asked for");
        assertThrows(UnsupportedOperationException.class, () -> m.put("anon", 1L));
        assertThrows(UnsupportedOperationException.class, () -> m.entrySet().clear());
        MemoryStat stat = new MemoryStat(m);
        assertEquals(10L, stat.anonBytes().getAsLong());
        assertEquals(new MemoryStat(expected), stat);
        assertTrue(FlatKeyedFormat.isFound(m));
    }
}
