package dev.berth.tui.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.cgroupctl.Limit;
import dev.berth.collectors.format.Units;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CellsTest {
    @ParameterizedTest
    @CsvSource({"0,'    0'", "512,' 512B'", "1023,' 1.0k'", "1024,' 1.0k'", "1536,' 1.5k'", "10137,' 9.9k'",
        "10240,'  10k'", "1047552,' 1.0M'", "1048000,' 1.0M'", "1073741824,' 1.0G'", "5497558138880,' 5.0T'"})
    void bytesHaveOneWidth(long bytes, String expected) {
        assertEquals(expected, Cells.bytes(bytes));
        assertEquals(Cells.BYTES_WIDTH, Cells.bytes(bytes).length());
    }

    /** Issue 8: the CLI wrote 1,048,000 bytes as 1.0M and the console as 1023K. */
    @Test
    void theConsoleWritesNumbersAsTheCliDoes() {
        assertEquals("1.0M", Units.bytes(1_048_000.0));
        assertEquals(Units.bytes(1_048_000.0), Cells.bytes(1_048_000).strip());
        assertEquals(Units.bytes(OptionalDouble.of(1_048_000.0)), Cells.rate(OptionalDouble.of(1_048_000.0)).strip());
    }

    @Test
    void absentIsADashNeverZeroAndUnlimitedIsMax() {
        assertEquals("    -", Cells.bytes(OptionalLong.empty()));
        assertEquals("    -", Cells.rate(OptionalDouble.empty()));
        assertEquals("    -", Cells.pct(OptionalDouble.empty()));
        assertEquals("    -", Cells.limit(Optional.empty()), "unreadable (JSON null)");
        assertEquals("  max", Cells.limit(Optional.of(Limit.UNLIMITED)));
        assertEquals(" 512M", Cells.limit(Optional.of(Limit.of(512L << 20))));
        assertEquals("    -", Cells.cores(OptionalDouble.empty(), Optional.empty()));
        assertEquals("  max", Cells.cores(OptionalDouble.empty(), Optional.of(Limit.UNLIMITED)));
    }

    @ParameterizedTest
    @CsvSource({"0,'  0.0'", "9.96,' 10.0'", "99.94,' 99.9'", "99.96,'  100'", "150.4,'  150'", "12345.6,'12346'",
        "100000,'9999+'"})
    void percentHasOneWidth(double pct, String expected) {
        assertEquals(expected, Cells.pct(pct));
    }

    @Test
    void coresAndUptime() {
        assertEquals(" 0.50", Cells.cores(OptionalDouble.of(0.5), Optional.of(Limit.of(50_000))));
        assertEquals(" 2.00", Cells.cores(OptionalDouble.of(2), Optional.of(Limit.of(200_000))));
        assertEquals("00:05:07", Cells.uptime(Duration.ofSeconds(307)));
        assertEquals("3d 04:12", Cells.uptime(Duration.ofDays(3).plusHours(4).plusMinutes(12)));
    }

    @Test
    void paddingCutsLongTextWithAnEllipsis() {
        assertEquals("abc~", Cells.padRight("abcdef", 4, '~'));
        assertEquals("ab  ", Cells.padRight("ab", 4, '~'));
        assertEquals("", Cells.padRight("ab", 0, '~'));
    }
}
