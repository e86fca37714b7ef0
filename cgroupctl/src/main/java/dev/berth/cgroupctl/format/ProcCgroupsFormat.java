package dev.berth.cgroupctl.format;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code /proc/cgroups}: a {@code #subsys_name hierarchy num_cgroups enabled} header, then one line per controller
 * the kernel knows. Hierarchy 0 means the controller is not bound to a v1 hierarchy (it is on cgroup2 or unused).
 */
public final class ProcCgroupsFormat {
    private ProcCgroupsFormat() {
    }

    /**
     * A controller line.
     *
     * @param name       e.g. {@code memory}
     * @param hierarchy  v1 hierarchy id, 0 if none
     * @param numCgroups cgroups using it
     * @param enabled    false if disabled on the kernel command line ({@code cgroup_disable=})
     */
    public record Controller(String name, int hierarchy, long numCgroups, boolean enabled) {
    }

    /**
     * @param content the file content
     * @return the controllers in file order
     * @throws MalformedContentException if a line does not have four fields
     */
    public static List<Controller> parse(String content) throws MalformedContentException {
        List<Controller> out = new ArrayList<>();
        for (String line : content.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.strip().split("\\s+");
            if (f.length != 4) {
                throw new MalformedContentException(line, "expected \"name hierarchy num_cgroups enabled\"");
            }
            out.add(new Controller(f[0], Numbers.parseInt(f[1], line), Numbers.parseUnsigned(f[2], line),
                    Numbers.parseInt(f[3], line) != 0));
        }
        return out;
    }
}
