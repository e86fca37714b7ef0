package dev.berth.runtime.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VolumeTest {
    @ParameterizedTest
    @CsvSource({"/data:/srv, /data, /srv, false", "/data/:/srv/:ro, /data, /srv, true", "/x:/y:rw, /x, /y, false"})
    void parses(String arg, String host, String ctr, boolean ro) {
        assertEquals(new Volume(Path.of(host), ctr, ro), Volume.parse(arg));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/data", "data:/srv", "/data:srv", "/data:/srv:rx", "/data:/../etc", "/data:/a/./b", ":/srv",
        "/a:/b:ro:x"})
    void refuses(String arg) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Volume.parse(arg));
        assertEquals(true, e.getMessage().startsWith("invalid volume \"" + arg + "\""), e.getMessage());
    }
}
