package dev.berth.tui.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuntimeLauncherTest {
    @Test
    void commandLinesSplitLikeAShellWithoutExpansion() {
        assertEquals(List.of("sleep", "600"), RuntimeLauncher.words("  sleep   600 "));
        assertEquals(List.of("sh", "-c", "echo hi; sleep 1"), RuntimeLauncher.words("sh -c 'echo hi; sleep 1'"));
        assertEquals(List.of("a b", "c\"d"), RuntimeLauncher.words("\"a b\" c\\\"d"));
        assertEquals(List.of(""), RuntimeLauncher.words("''"));
        assertEquals(List.of(), RuntimeLauncher.words("   "));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RuntimeLauncher.words("sh -c 'oops"))
                .getMessage().contains("unterminated"));
    }

    @Test
    void formValidationNamesTheProblem() {
        RuntimeLauncher l = new RuntimeLauncher(null);
        assertTrue(l.validate(LaunchField.ROOTFS, "").orElseThrow().startsWith("required"));
        assertTrue(l.validate(LaunchField.ROOTFS, "/no/such/rootfs").orElseThrow().contains("/no/such/rootfs"));
        assertTrue(l.validate(LaunchField.ROOTFS, "/").isEmpty());
        assertTrue(l.validate(LaunchField.NAME, "").isEmpty(), "blank name: generated");
        assertTrue(l.validate(LaunchField.NAME, "bad name!").orElseThrow().contains("bad name!"));
        assertTrue(l.validate(LaunchField.COMMAND, " ").orElseThrow().startsWith("required"));
        assertTrue(l.validate(LaunchField.COMMAND, "sh -c 'x").orElseThrow().contains("unterminated"));
        assertTrue(l.validate(LaunchField.MEMORY_MAX, "lots").isPresent());
        assertTrue(l.validate(LaunchField.CPU_QUOTA, "0.5").isEmpty());
    }
}
