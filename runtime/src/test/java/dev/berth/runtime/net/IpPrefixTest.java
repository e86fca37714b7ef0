package dev.berth.runtime.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpPrefixTest {
    @Test
    void parsesV4AndV6() {
        assertEquals("10.0.0.2/24", IpPrefix.parse("10.0.0.2/24").toString());
        assertEquals(64, IpPrefix.parse("fd00::2/64").prefixLength());
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.2", "10.0.0.256/24", "10.0.0.2/33", "example.com/24", "10.0.0/24", "fd00::2/129", "/24"})
    void refuses(String s) {
        assertThrows(IllegalArgumentException.class, () -> IpPrefix.parse(s));
    }
}
