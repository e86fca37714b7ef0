package dev.berth.cgroupctl.format;

import dev.berth.cgroupctl.Pressure;
import dev.berth.cgroupctl.PressureLine;
import java.nio.charset.StandardCharsets;
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

    private static final byte[] SOME = "some".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FULL = "full".getBytes(StandardCharsets.US_ASCII);
    private static final String[] KEY_NAMES = {"avg10", "avg60", "avg300", "total"};
    private static final byte[][] KEYS = {"avg10".getBytes(StandardCharsets.US_ASCII),
        "avg60".getBytes(StandardCharsets.US_ASCII), "avg300".getBytes(StandardCharsets.US_ASCII),
        "total".getBytes(StandardCharsets.US_ASCII)};

    /**
     * @param content the file content
     * @return the pressure
     * @throws MalformedContentException if there is no {@code some} line or a line is malformed
     */
    public static Pressure parse(String content) throws MalformedContentException {
        byte[] b = content.getBytes(StandardCharsets.UTF_8);
        return parse(b, b.length);
    }

    /**
     * Parses the file's bytes in place (the sampler's per-tick path: three PSI files per container).
     *
     * @param content the file's bytes
     * @param length  how many of them were read
     * @return the pressure
     * @throws MalformedContentException if there is no {@code some} line or a line is malformed
     */
    public static Pressure parse(byte[] content, int length) throws MalformedContentException {
        ByteLines in = new ByteLines(content, length);
        PressureLine some = null;
        PressureLine full = null;
        while (in.nextLine()) {
            int k = in.token();
            boolean isSome = in.equals(k, in.tokenEnd, SOME);
            if (!isSome && !in.equals(k, in.tokenEnd, FULL)) {
                throw new MalformedContentException(in.line(), "expected \"some\" or \"full\"");
            }
            double[] avg = new double[3];
            long total = 0;
            for (int i = 0; i < KEYS.length; i++) {
                int from = in.token();
                int to = in.tokenEnd;
                int eq = from;
                while (eq < to && content[eq] != '=') {
                    eq++;
                }
                if (eq == to || !in.equals(from, eq, KEYS[i])) {
                    throw new MalformedContentException(in.line(), "expected \"some|full avg10= avg60= avg300= "
                            + "total=\"");
                }
                if (i < 3) {
                    avg[i] = percentage(content, eq + 1, to, in, KEY_NAMES[i]);
                } else {
                    total = in.parseLong(eq + 1, to);
                    if (total < 0) {
                        throw new MalformedContentException(in.line(), "expected a count for total");
                    }
                }
            }
            if (!in.atLineEnd()) {
                throw new MalformedContentException(in.line(), "expected \"some|full avg10= avg60= avg300= total=\"");
            }
            PressureLine p = new PressureLine(avg[0], avg[1], avg[2], total);
            if (isSome) {
                some = p;
            } else {
                full = p;
            }
        }
        if (some == null) {
            throw new MalformedContentException(new String(content, 0, length, StandardCharsets.UTF_8).strip(),
                    "missing \"some\" line");
        }
        return new Pressure(some, Optional.ofNullable(full));
    }

    /** A percentage as the kernel prints it ({@code %lu.%02lu}): digits, optionally a point and digits. */
    private static double percentage(byte[] b, int from, int to, ByteLines in, String key)
            throws MalformedContentException {
        long whole = 0;
        long frac = 0;
        long scale = 1;
        int i = from;
        int digits = 0;
        for (; i < to && b[i] >= '0' && b[i] <= '9' && digits < 15; i++, digits++) {
            whole = whole * 10 + (b[i] - '0');
        }
        boolean ok = digits > 0;
        if (ok && i < to && b[i] == '.') {
            i++;
            int fd = 0;
            for (; i < to && b[i] >= '0' && b[i] <= '9' && fd < 15; i++, fd++) {
                frac = frac * 10 + (b[i] - '0');
                scale *= 10;
            }
            ok = fd > 0;
        }
        if (!ok || i != to) {
            throw new MalformedContentException(in.line(), "expected a percentage for " + key + ", got \""
                    + new String(b, from, to - from, StandardCharsets.UTF_8) + "\"");
        }
        if (whole < 1_000_000 && scale <= 1_000_000) {
            return (double) (whole * scale + frac) / scale; // one rounding: what Double.parseDouble gives
        }
        return Double.parseDouble(new String(b, from, to - from, StandardCharsets.US_ASCII));
    }
}
