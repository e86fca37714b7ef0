package dev.berth.cgroupctl.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FlatKeyedFormatTest {
    @Test
    void keepsFileOrderAndAcceptsEmptyFiles() throws Exception {
        Map<String, Long> m = FlatKeyedFormat.parse("usage_usec 234832\nuser_usec 218912\nsystem_usec 15920\n");
        assertEquals(List.of("usage_usec", "user_usec", "system_usec"), List.copyOf(m.keySet()));
        assertEquals(Map.of(), FlatKeyedFormat.parse(""));
    }

    @Test
    void clampsNegativeV1ValuesToZeroOnlyWhenAsked() throws Exception {
        String stat = "total_rss 263749632\ntotal_inactive_file -4096\n";
        assertEquals(-4096L, FlatKeyedFormat.parse(stat).get("total_inactive_file"));
        assertEquals(0L, FlatKeyedFormat.parseClampingNegatives(stat).get("total_inactive_file"));
        assertEquals(263749632L, FlatKeyedFormat.parseClampingNegatives(stat).get("total_rss"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"key\n", "key 1 2\n", "key x\n"})
    void rejectsLinesThatAreNotKeyAndInteger(String content) {
        MalformedContentException e = assertThrows(MalformedContentException.class,
                () -> FlatKeyedFormat.parse(content));
        assertEquals(content.strip(), e.line().strip());
    }

    @Test
    void requireNamesTheMissingKey() {
        MalformedContentException e = assertThrows(MalformedContentException.class,
                () -> FlatKeyedFormat.require(Map.of("a", 1L), "oom_kill"));
        assertEquals("missing key \"oom_kill\"", e.reason());
    }
}
