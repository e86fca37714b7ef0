package dev.berth.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContainerNameTest {
    @ParameterizedTest
    @ValueSource(strings = {"a", "Z", "0", "web", "web-1", "web_1", "web.1", "a..b", "A-", "9_._-"})
    void acceptsNamesOfTheDockerAlphabet(String name) {
        assertEquals(name, ContainerName.of(name).value());
        assertTrue(ContainerName.isValid(name));
    }

    @Test
    void acceptsSixtyThreeCharactersAndRejectsSixtyFour() {
        String max = "a".repeat(63);
        assertEquals(max, ContainerName.of(max).value());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ContainerName.of(max + "a"));
        assertEquals("invalid container name \"" + "a".repeat(64) + "\": 64 characters, at most 63 are accepted ("
                + ContainerName.SYNTAX + ")", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "-a", "_a", ".hidden", "a/b", "../etc", "a b", "a\nb", "ä", "a:b", "a*"})
    void rejectsEverythingElseNamingValueAndSyntax(String name) {
        assertFalse(ContainerName.isValid(name));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ContainerName.of(name));
        assertTrue(e.getMessage().startsWith("invalid container name \""), e.getMessage());
        assertTrue(e.getMessage().endsWith(ContainerName.SYNTAX), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void nullIsRejected() {
        assertFalse(ContainerName.isValid(null));
        assertThrows(IllegalArgumentException.class, () -> ContainerName.of(null));
    }

    @Test
    void defaultNameComesFromTheId() {
        ContainerId id = ContainerId.of("0123456789ab" + "c".repeat(52));
        assertEquals("berth-0123456789ab", ContainerName.forId(id).value());
        assertTrue(ContainerName.isValid(ContainerName.forId(ContainerId.random()).value()));
    }

    @Test
    void randomIdsAreSixtyFourHexDigitsAndDiffer() {
        ContainerId a = ContainerId.random();
        ContainerId b = ContainerId.random();
        assertTrue(a.value().matches("[0-9a-f]{64}"));
        assertFalse(a.equals(b));
        assertThrows(IllegalArgumentException.class, () -> ContainerId.of("ABC"));
    }
}
