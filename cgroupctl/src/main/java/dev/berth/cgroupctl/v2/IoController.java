package dev.berth.cgroupctl.v2;

import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.IoDeviceStat;
import dev.berth.cgroupctl.IoLimit;
import dev.berth.cgroupctl.IoStat;
import dev.berth.cgroupctl.Limit;
import dev.berth.cgroupctl.format.MalformedContentException;
import dev.berth.cgroupctl.format.NestedKeyedFormat;
import dev.berth.cgroupctl.format.SingleValueFormat;
import dev.berth.cgroupctl.kernfs.CgroupDir;
import dev.berth.cgroupctl.kernfs.WriteJournal;
import java.util.ArrayList;
import java.util.List;

/**
 * The v2 io controller: {@code io.stat} (empty until the cgroup does IO) and {@code io.max}
 * ({@code 8:0 rbps=max wbps=1048576 riops=max wiops=max}; devices without throttles are not listed).
 */
public final class IoController {
    private final CgroupDir dir;

    /** @param dir the cgroup's directory */
    public IoController(CgroupDir dir) {
        this.dir = dir;
    }

    /** Reads {@code io.stat}. @return per-device counters @throws CgroupException on failure */
    public IoStat readIoStat() throws CgroupException {
        return dir.read("io.stat", IoController::parseIoStat);
    }

    static IoStat parseIoStat(String content) throws MalformedContentException {
        List<IoDeviceStat> out = new ArrayList<>();
        for (NestedKeyedFormat.Line l : NestedKeyedFormat.parse(content)) {
            int[] dev = NestedKeyedFormat.parseDevice(l.key());
            if (l.values().isEmpty()) {
                // Linux (seen on 6.1) prints the device alone, "254:0 ", when the cgroup has a policy for it
                // (io.max) but has done no IO there yet: it leaves out counters that are all zero.
                out.add(new IoDeviceStat(dev[0], dev[1], 0, 0, 0, 0));
                continue;
            }
            out.add(new IoDeviceStat(dev[0], dev[1], NestedKeyedFormat.requireLong(l, "rbytes"),
                    NestedKeyedFormat.requireLong(l, "wbytes"), NestedKeyedFormat.requireLong(l, "rios"),
                    NestedKeyedFormat.requireLong(l, "wios")));
        }
        return new IoStat(out);
    }

    /** Reads {@code io.max}. @return one entry per device and finite throttle @throws CgroupException on failure */
    public List<IoLimit> readIoLimits() throws CgroupException {
        return dir.read("io.max", IoController::parseIoMax);
    }

    static List<IoLimit> parseIoMax(String content) throws MalformedContentException {
        List<IoLimit> out = new ArrayList<>();
        for (NestedKeyedFormat.Line l : NestedKeyedFormat.parse(content)) {
            int[] dev = NestedKeyedFormat.parseDevice(l.key());
            for (IoLimit.Kind k : IoLimit.Kind.values()) {
                String v = l.values().get(k.v2Key());
                if (v == null) {
                    continue;
                }
                Limit lim = SingleValueFormat.parseLimitToken(v);
                if (!lim.isUnlimited()) {
                    out.add(new IoLimit(dev[0], dev[1], k, lim));
                }
            }
        }
        return out;
    }

    /**
     * Sets one key of {@code io.max}. Restoring writes the device's whole old line, or {@code max} for every key when
     * the device had no line.
     *
     * @throws CgroupException if refused (e.g. no such device: ENODEV)
     */
    public void writeIoLimit(IoLimit v, WriteJournal j) throws CgroupException {
        String dev = v.major() + ":" + v.minor();
        if (!j.hasKey(dir, "io.max " + dev)) {
            String old = dev + " rbps=max wbps=max riops=max wiops=max";
            for (String line : dir.readString("io.max").split("\n")) {
                if (line.startsWith(dev + " ")) {
                    old = line.strip();
                }
            }
            j.recordAs(dir, "io.max " + dev, "io.max", old);
        }
        dir.write("io.max", dev + " " + v.kind().v2Key() + "=" + v.value());
    }
}
