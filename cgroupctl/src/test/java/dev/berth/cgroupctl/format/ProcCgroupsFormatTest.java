package dev.berth.cgroupctl.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ProcCgroupsFormatTest {
    @Test
    void parsesControllersSkippingTheHeader() throws Exception {
        var l = ProcCgroupsFormat.parse("#subsys_name\thierarchy\tnum_cgroups\tenabled\ncpuset\t3\t9\t1\n"
                + "net_cls\t0\t8\t0\n");
        assertEquals(new ProcCgroupsFormat.Controller("cpuset", 3, 9, true), l.get(0));
        assertEquals(new ProcCgroupsFormat.Controller("net_cls", 0, 8, false), l.get(1));
    }

    @Test
    void rejectsShortLines() {
        assertThrows(MalformedContentException.class, () -> ProcCgroupsFormat.parse("cpuset\t3\t9\n"));
    }
}
