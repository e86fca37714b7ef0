package dev.berth.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RuntimeConfigTest {
    @ParameterizedTest
    @CsvSource({"berth,/berth", "/berth,/berth", "/berth/,/berth", "machine.slice/berth,/machine.slice/berth",
        "//a//b//,/a/b"})
    void cgroupParentIsNormalised(String given, String expected) {
        RuntimeConfig c = new RuntimeConfig(Path.of("/run/berth"), given);
        assertEquals(expected, c.cgroupParent());
        assertEquals(expected + "/web", c.cgroupPathOf(ContainerName.of("web")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "", " ", "..", "/berth/../..", "a/./b"})
    void cgroupParentThatEscapesOrIsRootIsRejected(String given) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RuntimeConfig(Path.of("/run/berth"), given));
        assertTrue(e.getMessage().startsWith("invalid cgroup parent"), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void defaults() {
        assertEquals(new RuntimeConfig(Path.of("/run/berth"), "/berth"), RuntimeConfig.defaults());
    }
}
