package dev.berth.runtime.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LauncherTest {
    @Test
    void environmentHasDockersDefaultsAndUserEntriesWin() {
        assertEquals(List.of("PATH=/bin", "HOSTNAME=web", "HOME=/root", "TERM=xterm", "A=b=c"),
                Launcher.environment(List.of("PATH=/bin", "A=b=c"), "web", "/root", true));
        assertEquals(List.of("PATH=" + Launcher.DEFAULT_PATH, "HOSTNAME=web", "HOME=/"),
                Launcher.environment(List.of(), "web", "/", false));
    }
}
