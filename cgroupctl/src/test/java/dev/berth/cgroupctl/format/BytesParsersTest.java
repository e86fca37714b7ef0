package dev.berth.cgroupctl.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The in-place byte parsers accept and refuse exactly what the String parsers do, and give the same values. */
class BytesParsersTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0\n", "1234", "  42  \n", "18446744073709551615\n", "9223372036854775807\n"})
    void singleUnsignedAsTheStringParser(String content) throws Exception {
        byte[] c = b(content);
        assertEquals(SingleValueFormat.parseUnsigned(content), SingleValueFormat.parseUnsigned(c, c.length));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", "-1\n", "12 34\n", "1\n2\n", "max\n", "12a\n", "+\n"})
    void singleUnsignedRefusesWhatTheStringParserRefuses(String content) {
        byte[] c = b(content);
        assertThrows(MalformedContentException.class, () -> SingleValueFormat.parseUnsigned(content));
        assertThrows(MalformedContentException.class, () -> SingleValueFormat.parseUnsigned(c, c.length));
    }

    @Test
    void signedValue() throws Exception {
        byte[] c = b("-1\n");
        assertEquals(-1, SingleValueFormat.parseLong(c, c.length));
    }

    @Test
    void flatKeyedKeepsTheWantedKeysWithTheStringParsersValues() throws Exception {
        String content = "cache 10\nrss 20\ntotal_rss 30\ntotal_cache 40\ntotal_inactive_file -5\nunknown 7\n";
        Map<String, Long> all = FlatKeyedFormat.parseClampingNegatives(content);
        FlatKeyedFormat.Keys keys = new FlatKeyedFormat.Keys("total_rss", "total_inactive_file", "absent");
        long[] v = new long[3];
        byte[] c = b(content);
        long found = FlatKeyedFormat.parse(c, c.length, keys, v, true);
        assertEquals(0b011, found);
        assertEquals(all.get("total_rss"), v[0]);
        assertEquals(all.get("total_inactive_file"), v[1]);
        assertEquals(0, v[1]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"key\n", "key 1 2\n", "key x\n", "key 1\nbad\n"})
    void flatKeyedRefusesMalformedLinesAsTheStringParser(String content) {
        byte[] c = b(content);
        assertThrows(MalformedContentException.class, () -> FlatKeyedFormat.parse(content));
        assertThrows(MalformedContentException.class,
                () -> FlatKeyedFormat.parse(c, c.length, new FlatKeyedFormat.Keys("key"), new long[1], false));
    }

    @Test
    void deviceOperationsAsTheStringParser() throws Exception {
        String content = "8:0 Read 1048576\n8:0 Write 4194304\n8:0 Sync 5242880\n8:0 Async 0\n8:0 Discard 0\n"
                + "8:0 Total 5242880\n253:1 Read 7\nTotal 5242887\n";
        byte[] c = b(content);
        assertEquals(DeviceValueFormat.parseDeviceOperations(content),
                DeviceValueFormat.parseDeviceOperations(c, c.length));
        byte[] bad = b("8:0 Read\n");
        assertThrows(MalformedContentException.class, () -> DeviceValueFormat.parseDeviceOperations(bad, bad.length));
    }

    @Test
    void idsAsTheStringParser() throws Exception {
        String content = "1\n42\n\n4194304\n";
        byte[] c = b(content);
        assertEquals(ListFormat.parseIds(content), ListFormat.parseIds(c, c.length));
        byte[] bad = b("1\n-2\n");
        assertThrows(MalformedContentException.class, () -> ListFormat.parseIds(bad, bad.length));
    }
}
