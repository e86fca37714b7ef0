package dev.berth.cgroupctl.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.cgroupctl.Pressure;
import dev.berth.cgroupctl.PressureLine;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PsiFormatTest {
    @Test
    void parsesSomeAndFull() throws Exception {
        // Captured from this host's unified hierarchy (Linux 6.18).
        assertEquals(new Pressure(new PressureLine(0.14, 0.03, 0, 26361),
                        Optional.of(new PressureLine(0, 0, 0, 12938))),
                PsiFormat.parse("some avg10=0.14 avg60=0.03 avg300=0.00 total=26361\n"
                        + "full avg10=0.00 avg60=0.00 avg300=0.00 total=12938\n"));
    }

    @Test
    void fullLineIsOptional() throws Exception {
        // /proc/pressure/cpu of a kernel before 5.13, pasted in flatcar-archive/coreos-overlay PR #638.
        assertEquals(new Pressure(new PressureLine(0.13, 0.68, 0.28, 1195993), Optional.empty()),
                PsiFormat.parse("some avg10=0.13 avg60=0.68 avg300=0.28 total=1195993\n"));
    }

    @org.junit.jupiter.api.Test
    void parsesPercentagesAsDoubleParsingDoes() throws Exception {
        for (String v : new String[] {"0.00", "1.68", "12.34", "99.99", "100.00", "7", "0.5"}) {
            Pressure p = PsiFormat.parse("some avg10=" + v + " avg60=" + v + " avg300=" + v + " total=5\n");
            assertEquals(Double.parseDouble(v), p.some().avg10(), v);
            assertEquals(Double.parseDouble(v), p.some().avg300(), v);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "full avg10=0.00 avg60=0.00 avg300=0.00 total=0\n",
        "some avg10=0.00 avg60=0.00 total=0\n", "some avg10=x avg60=0.00 avg300=0.00 total=0\n",
        "some avg60=0.00 avg10=0.00 avg300=0.00 total=0\n", "half avg10=0.00 avg60=0.00 avg300=0.00 total=0\n",
        "some avg10=-1.00 avg60=0.00 avg300=0.00 total=0\n", "some avg10=1. avg60=0.00 avg300=0.00 total=0\n",
        "some avg10=0.00 avg60=0.00 avg300=0.00 total=-3\n", "some avg10=0.00 avg60=0.00 avg300=0.00 total=0 x\n",
        "some avg10=NaN avg60=0.00 avg300=0.00 total=0\n", "some avg10 avg60=0.00 avg300=0.00 total=0\n"})
    void rejectsMalformedPressure(String content) {
        assertThrows(MalformedContentException.class, () -> PsiFormat.parse(content));
    }
}
