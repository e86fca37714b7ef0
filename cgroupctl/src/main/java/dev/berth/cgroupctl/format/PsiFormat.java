package dev.berth.cgroupctl.format;

import dev.berth.cgroupctl.Pressure;
import dev.berth.cgroupctl.PressureLine;
import java.util.Optional;

/**
 * Pressure stall information files ({@code cpu.pressure}, {@code /proc/pressure/io}):
 * <pre>
 * some avg10=0.00 avg60=0.00 avg300=0.00 total=0
 * full avg10=0.00 avg60=0.00 avg300=0.00 total=0
 * </pre>
 * The {@code full} line is absent from {@code cpu.pressure} before Linux 5.13.
 */
public final class PsiFormat {
    private PsiFormat() {
    }

    /**
     * @param content the file content
     * @return the pressure
     * @throws MalformedContentException if there is no {@code some} line or a line is malformed
     */
    public static Pressure parse(String content) throws MalformedContentException {
        PressureLine some = null;
        PressureLine full = null;
        for (String line : content.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.strip().split("\\s+");
            if (f.length != 5) {
                throw new MalformedContentException(line, "expected \"some|full avg10= avg60= avg300= total=\"");
            }
            PressureLine p = new PressureLine(avg(f[1], "avg10", line), avg(f[2], "avg60", line),
                    avg(f[3], "avg300", line), Numbers.parseUnsigned(value(f[4], "total", line), line));
            switch (f[0]) {
                case "some" -> some = p;
                case "full" -> full = p;
                default -> throw new MalformedContentException(line, "expected \"some\" or \"full\"");
            }
        }
        if (some == null) {
            throw new MalformedContentException(content.strip(), "missing \"some\" line");
        }
        return new Pressure(some, Optional.ofNullable(full));
    }

    private static String value(String field, String key, String line) throws MalformedContentException {
        if (!field.startsWith(key + "=")) {
            throw new MalformedContentException(line, "expected \"" + key + "=\"");
        }
        return field.substring(key.length() + 1);
    }

    private static double avg(String field, String key, String line) throws MalformedContentException {
        String v = value(field, key, line);
        try {
            double d = Double.parseDouble(v);
            if (!(d >= 0)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new MalformedContentException(line, "expected a percentage for " + key + ", got \"" + v + "\"");
        }
    }
}
