package dev.berth.tui.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class UnitsTest {
    @ParameterizedTest
    @CsvSource({"0,'   0B'", "512,' 512B'", "1023,'1023B'", "1024,' 1.0K'", "1536,' 1.5K'", "10137,' 9.9K'",
        "10240,'  10K'", "1047552,'1023K'", "1048575,' 1.0M'", "1073741824,' 1.0G'", "5497558138880,' 5.0T'"})
    void bytesHaveOneWidth(long bytes, String expected) {
        assertEquals(expected, Units.bytes(bytes));
        assertEquals(Units.BYTES_WIDTH, Units.bytes(bytes).length());
    }

    @Test
    void absentIsADashNeverZero() {
        assertEquals("    -", Units.bytes(OptionalLong.empty()));
        assertEquals("    -", Units.rate(OptionalDouble.empty()));
        assertEquals("    -", Units.pct(OptionalDouble.empty()));
        assertEquals("  max", Units.limit(OptionalLong.empty()));
        assertEquals("  max", Units.cores(OptionalDouble.empty()));
    }

    @ParameterizedTest
    @CsvSource({"0,'  0.0'", "9.96,' 10.0'", "99.94,' 99.9'", "99.96,'  100'", "150.4,'  150'", "12345.6,'12346'",
        "100000,'9999+'"})
    void percentHasOneWidth(double pct, String expected) {
        assertEquals(expected, Units.pct(pct));
    }

    @Test
    void coresAndUptime() {
        assertEquals(" 0.50", Units.cores(OptionalDouble.of(0.5)));
        assertEquals(" 2.00", Units.cores(OptionalDouble.of(2)));
        assertEquals("00:05:07", Units.uptime(Duration.ofSeconds(307)));
        assertEquals("3d 04:12", Units.uptime(Duration.ofDays(3).plusHours(4).plusMinutes(12)));
    }

    @Test
    void paddingCutsLongTextWithAnEllipsis() {
        assertEquals("abc~", Units.padRight("abcdef", 4, '~'));
        assertEquals("ab  ", Units.padRight("ab", 4, '~'));
        assertEquals("", Units.padRight("ab", 0, '~'));
    }
}
