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
}
