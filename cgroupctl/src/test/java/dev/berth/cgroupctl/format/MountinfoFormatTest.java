package dev.berth.cgroupctl.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MountinfoFormatTest {
    @Test
    void parsesOptionalFieldsAndSuperOptions() throws Exception {
        MountinfoFormat.Mount m = MountinfoFormat.parse("30 25 0:28 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid,nodev,"
                + "noexec,relatime shared:14 - cgroup cgroup rw,cpu,cpuacct\n").get(0);
        assertEquals(new MountinfoFormat.Mount(30, 25, "/", "/sys/fs/cgroup/cpu,cpuacct", "cgroup", "cgroup",
                List.of("rw", "cpu", "cpuacct")), m);
        // This host's line: no optional fields at all.
        assertEquals("cgroup2", MountinfoFormat.parse("41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 "
                + "cgroup2 rw\n").get(0).fsType());
    }

    @Test
    void decodesOctalEscapes() throws Exception {
        assertEquals("/mnt/a b", MountinfoFormat.parse("1 2 0:3 / /mnt/a\\040b rw - tmpfs tmpfs rw").get(0)
                .mountPoint());
    }

    @Test
    void rejectsLinesWithoutSeparator() {
        MalformedContentException e = assertThrows(MalformedContentException.class,
                () -> MountinfoFormat.parse("30 25 0:28 / /sys/fs/cgroup rw cgroup cgroup rw\n"));
        assertEquals("30 25 0:28 / /sys/fs/cgroup rw cgroup cgroup rw", e.line());
    }
}
