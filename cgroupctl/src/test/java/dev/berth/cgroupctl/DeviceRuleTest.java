package dev.berth.cgroupctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceRuleTest {
    @TempDir
    Path tmp;

    @Test
    void writesTheV1LineTheKernelListsBack() {
        assertEquals("c 1:3 rwm", DeviceRule.character(1, 3, "rwm").toV1());
        assertEquals("c 136:* rwm", DeviceRule.characterMajor(136, "rwm").toV1());
        assertEquals("b *:* m", DeviceRule.any(DeviceRule.Type.BLOCK, "m").toV1());
    }

    @Test
    void refusesAccessOutsideRwmAndNegativeNumbers() {
        for (String bad : new String[] {"", "x", "mr", "rwmm", "a"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> DeviceRule.character(1, 3, bad));
            assertTrue(e.getMessage().contains("\"" + bad + "\""), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new DeviceRule(DeviceRule.Type.CHAR, OptionalInt.of(-1),
                OptionalInt.empty(), "r"));
    }

    /** v2 has no devices files: the caller learns it, with nothing written (a launch warns). */
    @Test
    void cgroupV2SaysTheAllowListIsUnavailable() throws Exception {
        Fixtures.Scenario s = V2Fixtures.v2DockerSystemd();
        Cgroup c = CgroupFs.open(s.tree().apply(tmp).probe()).cgroup(s.path());
        ControllerUnavailableException e = assertThrows(ControllerUnavailableException.class,
                () -> c.writeDevicesAllowList(List.of(DeviceRule.character(1, 3, "rwm"))));
        assertTrue(e.getMessage().contains("BPF"), e.getMessage());
        assertEquals(Optional.of(tmp.resolve("sys/fs/cgroup").resolve(s.path().substring(1))), c.cgroup2Directory());
    }
}
