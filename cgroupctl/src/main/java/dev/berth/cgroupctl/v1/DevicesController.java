package dev.berth.cgroupctl.v1;

import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.CgroupWriteException;
import dev.berth.cgroupctl.DeviceRule;
import dev.berth.cgroupctl.kernfs.CgroupDir;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The v1 devices controller: {@code devices.deny}, {@code devices.allow} and {@code devices.list}. A cgroup starts
 * with its parent's list; writing {@code a} to {@code devices.deny} empties it ("deny all"), and each line written
 * to {@code devices.allow} adds an exception, which must also be allowed in the parent (runc's
 * {@code fs/devices.go} does the same two steps, with a transition check berth does not need: it writes only into
 * a cgroup it has just created, before any process is in it).
 */
public final class DevicesController {
    private final CgroupDir dir;

    /** @param dir the cgroup's directory in the devices hierarchy */
    public DevicesController(CgroupDir dir) {
        this.dir = dir;
    }

    /**
     * Denies every device, then allows {@code rules}, then reads {@code devices.list} back and fails unless it lists
     * exactly those rules.
     */
    public void writeAllowList(List<DeviceRule> rules) throws CgroupException {
        dir.write("devices.deny", "a");
        Set<String> wanted = new LinkedHashSet<>();
        for (DeviceRule r : rules) {
            dir.write("devices.allow", r.toV1());
            wanted.add(r.toV1());
        }
        Set<String> listed = new LinkedHashSet<>(dir.readString("devices.list").lines().map(String::strip)
                .filter(l -> !l.isEmpty()).toList());
        if (!listed.equals(wanted)) {
            throw new CgroupWriteException(dir.path().resolve("devices.list"), String.join(", ", wanted),
                    "the kernel lists " + (listed.isEmpty() ? "nothing" : String.join(", ", listed)), null);
        }
    }
}
