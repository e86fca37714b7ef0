package dev.berth.cgroupctl.format;

import dev.berth.cgroupctl.ProcCgroup;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code /proc/<pid>/cgroup}: {@code hierarchy-ID:controller-list:cgroup-path} per line, e.g.
 * {@code 4:memory:/docker/abc}, {@code 1:name=systemd:/user.slice}, {@code 0::/system.slice/x.service}. The path may
 * itself contain colons, so only the first two separate fields.
 */
public final class ProcCgroupFormat {
    private ProcCgroupFormat() {
    }

    /**
     * @param pid     the process the file belongs to
     * @param content the file content
     * @return the parsed file
     * @throws MalformedContentException if a line lacks its fields
     */
    public static ProcCgroup parse(long pid, String content) throws MalformedContentException {
        List<ProcCgroup.Entry> out = new ArrayList<>();
        for (String line : content.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(":", 3);
            if (f.length != 3 || !f[2].startsWith("/")) {
                throw new MalformedContentException(line, "expected \"id:controllers:/path\"");
            }
            List<String> controllers = f[1].isEmpty() ? List.of() : Arrays.asList(f[1].split(","));
            out.add(new ProcCgroup.Entry(Numbers.parseInt(f[0], line), controllers, f[2]));
        }
        if (out.isEmpty()) {
            throw new MalformedContentException(content, "expected at least one line");
        }
        return new ProcCgroup(pid, out);
    }
}
