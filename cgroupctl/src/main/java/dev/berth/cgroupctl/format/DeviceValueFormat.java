package dev.berth.cgroupctl.format;

import java.util.ArrayList;
import java.util.List;

/**
 * v1 blkio files of {@code MAJ:MIN value} lines ({@code blkio.throttle.read_bps_device}), and of
 * {@code MAJ:MIN Operation value} lines followed by a {@code Total value} line
 * ({@code blkio.throttle.io_service_bytes}: operations {@code Read Write Sync Async Discard Total}).
 */
public final class DeviceValueFormat {
    private DeviceValueFormat() {
    }

    /**
     * A line.
     *
     * @param major     device major
     * @param minor     device minor
     * @param operation the operation, e.g. {@code Read}; empty for the two-field files
     * @param value     the value
     */
    public record Line(int major, int minor, String operation, long value) {
    }

    /**
     * @param content a two-field file ({@code 8:0 1048576})
     * @return the lines
     * @throws MalformedContentException if a line does not match
     */
    public static List<Line> parseDeviceValues(String content) throws MalformedContentException {
        List<Line> out = new ArrayList<>();
        for (String line : content.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.strip().split("\\s+");
            if (f.length != 2) {
                throw new MalformedContentException(line, "expected \"MAJOR:MINOR value\"");
            }
            int[] dev = NestedKeyedFormat.parseDevice(f[0]);
            out.add(new Line(dev[0], dev[1], "", Numbers.parseUnsigned(f[1], line)));
        }
        return out;
    }

    /**
     * @param content a three-field file ({@code 8:0 Read 4096}); the closing {@code Total N} line is skipped
     * @return the per-device lines
     * @throws MalformedContentException if a line does not match
     */
    public static List<Line> parseDeviceOperations(String content) throws MalformedContentException {
        List<Line> out = new ArrayList<>();
        for (String line : content.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.strip().split("\\s+");
            if (f.length == 2 && f[0].equals("Total")) {
                Numbers.parseUnsigned(f[1], line);
                continue;
            }
            if (f.length != 3) {
                throw new MalformedContentException(line, "expected \"MAJOR:MINOR Operation value\"");
            }
            int[] dev = NestedKeyedFormat.parseDevice(f[0]);
            out.add(new Line(dev[0], dev[1], f[1], Numbers.parseUnsigned(f[2], line)));
        }
        return out;
    }

    private static final String[] OPERATIONS = {"Read", "Write", "Sync", "Async", "Discard", "Total"};
    private static final byte[][] OPERATION_BYTES = new byte[OPERATIONS.length][];
    private static final byte[] TOTAL = ByteLines.ascii("Total");

    static {
        for (int i = 0; i < OPERATIONS.length; i++) {
            OPERATION_BYTES[i] = ByteLines.ascii(OPERATIONS[i]);
        }
    }

    /**
     * {@link #parseDeviceOperations(String)} over a read buffer in place; the operation names the kernel prints are
     * shared constants, not new Strings.
     *
     * @param content the buffer
     * @param length  the file's length
     * @return the per-device lines
     * @throws MalformedContentException if a line does not match
     */
    public static List<Line> parseDeviceOperations(byte[] content, int length) throws MalformedContentException {
        List<Line> out = new ArrayList<>();
        ByteLines l = new ByteLines(content, length);
        while (l.nextLine()) {
            int s0 = l.token();
            int e0 = l.tokenEnd;
            int s1 = l.token();
            int e1 = l.tokenEnd;
            int s2 = l.token();
            int e2 = l.tokenEnd;
            boolean end = l.atLineEnd();
            if (s2 == e2 && s1 < e1 && end && l.equals(s0, e0, TOTAL)) {
                if (l.parseLong(s1, e1) < 0) {
                    throw new MalformedContentException(l.line(), "expected a non-negative integer");
                }
                continue;
            }
            if (s2 == e2 || !end) {
                throw new MalformedContentException(l.line(), "expected \"MAJOR:MINOR Operation value\"");
            }
            int colon = -1;
            for (int i = s0; i < e0; i++) {
                if (content[i] == ':') {
                    colon = i;
                    break;
                }
            }
            if (colon < 0) {
                throw new MalformedContentException(l.line(), "expected \"MAJOR:MINOR\"");
            }
            long major = l.parseLong(s0, colon);
            long minor = l.parseLong(colon + 1, e0);
            if (major < 0 || minor < 0 || major > Integer.MAX_VALUE || minor > Integer.MAX_VALUE) {
                throw new MalformedContentException(l.line(), "expected \"MAJOR:MINOR\"");
            }
            long value = l.parseLong(s2, e2);
            if (value < 0) {
                throw new MalformedContentException(l.line(), "expected a non-negative integer");
            }
            String op = null;
            for (int i = 0; i < OPERATIONS.length && op == null; i++) {
                if (l.equals(s1, e1, OPERATION_BYTES[i])) {
                    op = OPERATIONS[i];
                }
            }
            if (op == null) {
                op = new String(content, s1, e1 - s1, java.nio.charset.StandardCharsets.UTF_8);
            }
            out.add(new Line((int) major, (int) minor, op, value));
        }
        return out;
    }
}
