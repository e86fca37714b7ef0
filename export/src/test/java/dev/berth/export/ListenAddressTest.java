package dev.berth.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ListenAddressTest {
    @Test
    void parsesTheThreeForms() {
        assertEquals(new ListenAddress("127.0.0.1", 9756), ListenAddress.parse("127.0.0.1:9756"));
        assertEquals(new ListenAddress("::1", 80), ListenAddress.parse("[::1]:80"));
        assertEquals(new ListenAddress("", 9756), ListenAddress.parse(":9756"));
        assertEquals(new ListenAddress("localhost", 65535), ListenAddress.parse("localhost:65535"));
        assertEquals("[::1]:80", ListenAddress.parse("[::1]:80").toString());
        assertEquals(ListenAddress.DEFAULT, ListenAddress.parse("127.0.0.1:9756"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "9756", "localhost", "localhost:", "localhost:0", "localhost:65536", "host:12a",
        "::1:80", "[]:80", "host:+80", "host:-1", "a b:80", "host:999999999999"})
    void malformedIsRefusedNamingTheAcceptedForms(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ListenAddress.parse(text));
        assertEquals(true, e.getMessage().startsWith("invalid listen address '" + text + "': expected HOST:PORT"),
                e.getMessage());
    }

    @Test
    void controlCharactersAreNotEchoed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ListenAddress.parse("\u001b[2Jhost:80"));
        assertEquals("invalid listen address '?[2Jhost:80': expected HOST:PORT, [IPv6]:PORT or :PORT with PORT "
                + "1..65535", e.getMessage());
    }
}
