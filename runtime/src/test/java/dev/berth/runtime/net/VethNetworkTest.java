package dev.berth.runtime.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VethNetworkTest {
    @Test
    void shortNamesAreUsedAsTheyAre() {
        assertEquals("web-1", VethNetwork.hostInterfaceName("web-1"));
        assertEquals("fifteen-chars-x", VethNetwork.hostInterfaceName("fifteen-chars-x"));
    }

    @Test
    void longNamesAreCutAndHashedToFifteenBytes() {
        String a = VethNetwork.hostInterfaceName("a-rather-long-container-name-1");
        String b = VethNetwork.hostInterfaceName("a-rather-long-container-name-2");
        assertEquals(15, a.length());
        assertTrue(a.startsWith("a-rather-l-"), a);
        assertNotEquals(a, b);
    }

    @Test
    void networkModesParseFromTheirOptionValues() {
        assertEquals(NetworkMode.VETH, NetworkMode.parse("veth"));
        assertEquals("host", NetworkMode.HOST.toString());
    }
}
