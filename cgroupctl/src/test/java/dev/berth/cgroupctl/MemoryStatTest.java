package dev.berth.cgroupctl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MemoryStatTest {

    @Test
    void v1PrefersTheHierarchicalKeysThatMatchHierarchicalUsage() {
        // v1 memory.stat of a parent whose child holds the cache: own counters 0, total_ counters include the child.
        Map<String, Long> v1 = new LinkedHashMap<>();
        v1.put("cache", 0L);
        v1.put("rss", 0L);
        v1.put("inactive_file", 0L);
        v1.put("total_cache", 8192L);
        v1.put("total_rss", 4096L);
        v1.put("total_inactive_file", 8192L);
        MemoryStat stat = new MemoryStat(v1);
        assertEquals(OptionalLong.of(8192), stat.inactiveFileBytes());
        assertEquals(OptionalLong.of(8192), stat.fileBytes());
        assertEquals(OptionalLong.of(4096), stat.anonBytes());
    }

    @Test
    void v2HasOnlyTheUnprefixedKeys() {
        MemoryStat stat = new MemoryStat(Map.of("anon", 1L, "file", 2L, "inactive_file", 3L));
        assertEquals(OptionalLong.of(3), stat.inactiveFileBytes());
        assertEquals(OptionalLong.of(2), stat.fileBytes());
        assertEquals(OptionalLong.of(1), stat.anonBytes());
        assertEquals(OptionalLong.empty(), new MemoryStat(Map.of()).inactiveFileBytes());
    }
}
