package dev.berth.runtime.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SeccompProfileTest {
    @Test
    void parsesDockersSecurityOptSpellings() {
        assertEquals(SeccompProfile.UNCONFINED, SeccompProfile.parseSecurityOpt("seccomp=unconfined"));
        assertEquals(SeccompProfile.DEFAULT, SeccompProfile.parseSecurityOpt("seccomp=default"));
    }

    @Test
    void refusesAnythingElseNamingTheValueAndWhatIsAccepted() {
        for (String bad : new String[] {"", "seccomp=", "seccomp=/etc/profile.json", "apparmor=unconfined",
                "no-new-privileges", "seccomp=UNCONFINED", "seccomp:unconfined"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SeccompProfile.parseSecurityOpt(bad));
            assertTrue(e.getMessage().contains("\"" + bad + "\"") && e.getMessage().contains("seccomp=unconfined"),
                    e.getMessage());
        }
    }

    @Test
    void aStateFileWithoutTheFieldMeansTheDefault() {
        assertEquals(SeccompProfile.DEFAULT, SeccompProfile.fromRecorded(null));
        assertEquals(SeccompProfile.UNCONFINED, SeccompProfile.fromRecorded("unconfined"));
        assertThrows(IllegalArgumentException.class, () -> SeccompProfile.fromRecorded("loose"));
    }
}
