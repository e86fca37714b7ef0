package dev.berth.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessProbeTest {
    // from a Debian 12 host, `cat /proc/1/stat` (systemd), truncated after field 25
    static final String SYSTEMD = "1 (systemd) S 0 1 1 0 -1 4194560 51447 3044817 119 1480 230 186 7597 2851 20 0 1 0 "
            + "27 172138496 3238 18446744073709551615\n";

    @Test
    void parsesStateAndStartTime() {
        assertEquals(new ProcessProbe.ProcStat('S', 27), ProcessProbe.parseStat(SYSTEMD));
    }

    @Test
    void commandNamesWithSpacesAndParenthesesDoNotShiftFields() {
        String odd = "42 (a) b ) c) Z 1 42 42 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 999 0 0\n";
        assertEquals(new ProcessProbe.ProcStat('Z', 999), ProcessProbe.parseStat(odd));
    }

    @Test
    void truncatedStatIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> ProcessProbe.parseStat("1 (x) S 0 1"));
        assertThrows(IllegalArgumentException.class, () -> ProcessProbe.parseStat("garbage"));
    }

    @Test
    void aliveOnlyWhenPresentNotZombieAndSameStartTime(@TempDir Path proc) throws IOException {
        Files.createDirectories(proc.resolve("1"));
        Files.writeString(proc.resolve("1/stat"), SYSTEMD);
        Files.createDirectories(proc.resolve("42"));
        Files.writeString(proc.resolve("42/stat"), "42 (sh) Z 1 42 42 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 500 0 0\n");
        ProcessProbe probe = new ProcessProbe(proc);
        assertTrue(probe.isAlive(1, null));
        assertTrue(probe.isAlive(1, 27L));
        assertFalse(probe.isAlive(1, 28L), "pid reused by another process");
        assertFalse(probe.isAlive(42, 500L), "zombie");
        assertFalse(probe.isAlive(7, null), "no such process");
        assertEquals(Optional.of(27L), probe.startTime(1));
        assertEquals(Optional.empty(), probe.startTime(7));
    }

    @Test
    void liveProcSeesThisJvm() throws IOException {
        ProcessProbe probe = new ProcessProbe(Path.of("/proc"));
        long self = ProcessHandle.current().pid();
        Long start = probe.startTime(self).orElseThrow();
        assertTrue(probe.isAlive(self, start));
        assertFalse(probe.isAlive(self, start + 1));
    }
}
