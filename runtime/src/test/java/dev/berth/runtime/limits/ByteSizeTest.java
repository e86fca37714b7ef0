package dev.berth.runtime.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.cgroupctl.Limit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteSizeTest {
    @ParameterizedTest
    @CsvSource({
        "0, 0", "1, 1", "1024, 1024", "512b, 512", "512B, 512",
        "1k, 1024", "1K, 1024", "1kb, 1024", "1KiB, 1024",
        "512M, 536870912", "512m, 536870912", "512MB, 536870912", "512MiB, 536870912",
        "1G, 1073741824", "1.5G, 1610612736", "1.5g, 1610612736", ".5k, 512", "0.1k, 102",
        "2T, 2199023255552", "1P, 1125899906842624", "7E, 8070450532247928832",
        "' 64M ', 67108864", "64 M, 67108864"})
    void parsesSizes(String text, long bytes) {
        assertEquals(bytes, ByteSize.parseBytes(text));
        assertEquals(Limit.of(bytes), ByteSize.parseLimit(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"max", "MAX", " max "})
    void maxIsUnlimited(String text) {
        assertEquals(Limit.UNLIMITED, ByteSize.parseLimit(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "M", "-1", "-1M", "1X", "1MM", "1 2", "1.", "abc", "1ib", "0x10", "1e3", "max1"})
    void rejectsOthersNamingTheValue(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ByteSize.parseBytes(text));
        assertEquals("\"" + text.strip() + "\" is not a size: expected a size such as 1024, 512k, 64M, 1.5G or 1T",
                e.getMessage());
    }

    @Test
    void rejectsOverflow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ByteSize.parseBytes("8E"));
        assertEquals("\"8E\" is too large: at most 8E (9223372036854775807 bytes)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ByteSize.parseBytes("99999999999999999999"));
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "1, 1", "1000, 1000", "1024, 1K", "536870912, 512M", "1610612736, 1536M",
        "1073741824, 1G", "1073741825, 1073741825"})
    void formatsExactly(long bytes, String text) {
        assertEquals(text, ByteSize.format(bytes));
        assertEquals(bytes, ByteSize.parseBytes(text), "format and parse round-trip");
    }

    @Test
    void formatsApproximately() {
        assertEquals("512B", ByteSize.formatApprox(512));
        assertEquals("54.3M", ByteSize.formatApprox(56_937_267));
        assertEquals("1.0G", ByteSize.formatApprox(1L << 30));
        assertEquals("max", ByteSize.format(Limit.UNLIMITED));
    }
}
