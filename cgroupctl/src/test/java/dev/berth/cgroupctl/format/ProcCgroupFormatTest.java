package dev.berth.cgroupctl.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.cgroupctl.ProcCgroup;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProcCgroupFormatTest {
    @Test
    void parsesV1NamedAndV2Lines() throws Exception {
        ProcCgroup p = ProcCgroupFormat.parse(42, "2:cpuacct,cpu:/docker/abc\n1:name=systemd:/docker/abc\n0::/x:y\n");
        assertEquals(List.of(new ProcCgroup.Entry(2, List.of("cpuacct", "cpu"), "/docker/abc"),
                new ProcCgroup.Entry(1, List.of("name=systemd"), "/docker/abc"),
                new ProcCgroup.Entry(0, List.of(), "/x:y")), p.entries());
        assertEquals("/x:y", p.primaryPath());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0::\n", "x::/a\n", "0:/a\n"})
    void rejectsMalformedFiles(String content) {
        assertThrows(MalformedContentException.class, () -> ProcCgroupFormat.parse(1, content));
    }
}
