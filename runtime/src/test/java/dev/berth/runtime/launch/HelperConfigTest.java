package dev.berth.runtime.launch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HelperConfigTest {
    @Test
    void encodesLengthThenNulTerminatedStrings() {
        byte[] frame = new HelperConfig().put("mode", "run").put("bind", "/a", "/b", "ro").encode();
        byte[] payload = "mode\0run\0bind\0/a\0/b\0ro\0".getBytes(StandardCharsets.UTF_8);
        byte[] expected = new byte[payload.length + 4];
        expected[3] = (byte) payload.length;
        System.arraycopy(payload, 0, expected, 4, payload.length);
        assertArrayEquals(expected, frame);
    }

    @Test
    void refusesNulInsideAValue() {
        assertThrows(IllegalArgumentException.class, () -> new HelperConfig().put("arg", "a\0b"));
    }
}
