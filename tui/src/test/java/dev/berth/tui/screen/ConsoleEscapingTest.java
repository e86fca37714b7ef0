package dev.berth.tui.screen;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.collectors.ContainerState;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 defect 10: a container name comes from whoever started the container, so a console
 * cell must never carry a control character to the terminal. Rendered into lanterna's virtual
 * terminal: every cell is checked.
 */
class ConsoleEscapingTest {
    @Test
    void controlCharactersInANameNeverReachACell() {
        String hostile = "evil\u001b[2J\u001b]52;c;aGk=\u0007\nx\u009b";
        Harness h = new Harness(120, 30).feed(Fixtures.snapshot(List.of(
                Fixtures.row(hostile, "docker", ContainerState.RUNNING, 1.0, Fixtures.MIB, OptionalLong.empty(), 0),
                Fixtures.row("web", "berth", ContainerState.RUNNING, 2.0, Fixtures.MIB, OptionalLong.empty(), 0)),
                Optional.empty()));
        for (int r = 0; r < 30; r++) {
            for (int c = 0; c < 120; c++) {
                String cell = h.cell(c, r).getCharacterString();
                for (char ch : cell.toCharArray()) {
                    assertFalse(Character.isISOControl(ch), "control character U+" + Integer.toHexString(ch)
                            + " at column " + c + ", row " + r + ":\n" + h.text());
                }
            }
        }
        assertTrue(h.rowOf("evil?[2J?]52;c;aGk=??x?") >= 0, h.text());
    }
}
