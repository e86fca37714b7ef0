package dev.berth.runtime.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.cgroupctl.Limit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UlimitTest {
    @Test
    void parsesSoftAndHard() {
        assertEquals(new Ulimit("NOFILE", Limit.of(1024), Limit.of(4096)), Ulimit.parse("nofile=1024:4096"));
        assertEquals(new Ulimit("CORE", Limit.of(0), Limit.of(0)), Ulimit.parse("core=0"));
        assertEquals(new Ulimit("STACK", Limit.of(8192), Limit.UNLIMITED), Ulimit.parse("stack=8192:unlimited"));
        assertEquals("nofile=1024:4096", Ulimit.parse("NOFILE=1024:4096").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nofile", "=1", "bogus=1", "nofile=x", "nofile=10:5", "nofile=1:2:3", "nofile=-5",
        "nofile=unlimited:5"})
    void refuses(String arg) {
        assertThrows(IllegalArgumentException.class, () -> Ulimit.parse(arg));
    }
}
