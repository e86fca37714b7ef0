package dev.berth.cgroupctl.v1;

import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.IoDeviceStat;
import dev.berth.cgroupctl.IoLimit;
import dev.berth.cgroupctl.IoStat;
import dev.berth.cgroupctl.Limit;
import dev.berth.cgroupctl.format.DeviceValueFormat;
import dev.berth.cgroupctl.kernfs.CgroupDir;
import dev.berth.cgroupctl.kernfs.WriteJournal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The v1 blkio controller, throttling side: {@code blkio.throttle.io_service_bytes[_recursive]},
 * {@code blkio.throttle.io_serviced[_recursive]} and the four {@code blkio.throttle.*_device} limits. The throttle
 * statistics count IO at the block layer whatever the IO scheduler, unlike the CFQ/BFQ {@code blkio.io_*} files.
 *
 * <p>Buffered writes are not charged here: v1 has no cgroup writeback, so the flusher threads that write dirty
 * pages back are accounted to the root cgroup. Reads and {@code O_DIRECT} writes are charged to the issuing cgroup
 * whether or not it has a throttle rule (checked on Linux 6.18: 16 MiB direct writes and a cold 16 MiB read counted
 * in full without any rule; 16 MiB buffered writes plus {@code sync} counted 0).
 */
public final class IoController {
    private final CgroupDir dir;

    /** @param dir the cgroup's directory in the blkio hierarchy */
    public IoController(CgroupDir dir) {
        this.dir = dir;
    }

    /**
     * Reads per-device bytes and operations; the {@code _recursive} files (Linux 4.9+) when present, so IO of child
     * cgroups counts, as it does in v2 {@code io.stat}.
     *
     * @return the counters
     * @throws CgroupException on failure
     */
    public IoStat readIoStat() throws CgroupException {
        String bytesFile = dir.has(BYTES_RECURSIVE) ? BYTES_RECURSIVE : BYTES;
        String opsFile = dir.has(OPS_RECURSIVE) ? OPS_RECURSIVE : OPS;
        List<DeviceValueFormat.Line> bytes = dir.readBytes(bytesFile, DeviceValueFormat::parseDeviceOperations);
        List<DeviceValueFormat.Line> ops = dir.readBytes(opsFile, DeviceValueFormat::parseDeviceOperations);
        return merge(bytes, ops);
    }

    private static final String BYTES = "blkio.throttle.io_service_bytes";
    private static final String BYTES_RECURSIVE = BYTES + "_recursive";
    private static final String OPS = "blkio.throttle.io_serviced";
    private static final String OPS_RECURSIVE = OPS + "_recursive";

    static IoStat merge(List<DeviceValueFormat.Line> bytes, List<DeviceValueFormat.Line> ops) {
        Map<String, long[]> byDev = new LinkedHashMap<>();
        add(byDev, bytes, 0);
        add(byDev, ops, 2);
        List<IoDeviceStat> out = new ArrayList<>();
        byDev.forEach((k, v) -> {
            String[] mm = k.split(":");
            out.add(new IoDeviceStat(Integer.parseInt(mm[0]), Integer.parseInt(mm[1]), v[0], v[1], v[2], v[3]));
        });
        return new IoStat(out);
    }

    private static void add(Map<String, long[]> byDev, List<DeviceValueFormat.Line> lines, int offset) {
        for (DeviceValueFormat.Line l : lines) {
            long[] v = byDev.computeIfAbsent(l.major() + ":" + l.minor(), k -> new long[4]);
            if (l.operation().equals("Read")) {
                v[offset] = l.value();
            } else if (l.operation().equals("Write")) {
                v[offset + 1] = l.value();
            }
        }
    }

    /** Reads the four throttle files. @return finite throttles @throws CgroupException on failure */
    public List<IoLimit> readIoLimits() throws CgroupException {
        List<IoLimit> out = new ArrayList<>();
        for (IoLimit.Kind k : IoLimit.Kind.values()) {
            for (DeviceValueFormat.Line l : dir.read(k.v1File(), DeviceValueFormat::parseDeviceValues)) {
                if (l.value() > 0) {
                    out.add(new IoLimit(l.major(), l.minor(), k, Limit.of(l.value())));
                }
            }
        }
        return out;
    }

    /**
     * Writes {@code MAJ:MIN value} ({@code 0} removes the throttle). Restoring writes the old value, or 0 when the
     * device had none.
     *
     * @throws CgroupException if refused (e.g. no such device)
     */
    public void writeIoLimit(IoLimit v, WriteJournal j) throws CgroupException {
        String dev = v.major() + ":" + v.minor();
        String file = v.kind().v1File();
        if (!j.hasKey(dir, file + " " + dev)) {
            long old = 0;
            for (DeviceValueFormat.Line l : dir.read(file, DeviceValueFormat::parseDeviceValues)) {
                if (l.major() == v.major() && l.minor() == v.minor()) {
                    old = l.value();
                }
            }
            j.recordAs(dir, file + " " + dev, file, dev + " " + old);
        }
        dir.write(file, dev + " " + v.value().value().orElse(0));
    }
}
