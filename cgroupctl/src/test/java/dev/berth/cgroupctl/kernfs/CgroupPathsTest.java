package dev.berth.cgroupctl.kernfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CgroupPathsTest {
    @ParameterizedTest
    @CsvSource({"/, /", "docker/abc, /docker/abc", "/a/./b/, /a/b", "/a/../b, /b", "//a//b, /a/b", "a/.., /"})
    void normalises(String in, String out) {
        assertEquals(out, CgroupPaths.normalize(in));
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "/..", "/a/../..", "../../etc/passwd", "a\0b"})
    void refusesEscapes(String in) {
        assertThrows(IllegalArgumentException.class, () -> CgroupPaths.normalize(in));
    }

    @ParameterizedTest
    @CsvSource({"/docker/abc, /docker/abc, /", "/docker/abc/x, /docker/abc, /x", "/other, /docker/abc, /other",
        "/a, /, /a"})
    void translatesBelowMountRoot(String kernel, String root, String out) {
        assertEquals(out, CgroupPaths.belowMountRoot(kernel, root));
    }
}
