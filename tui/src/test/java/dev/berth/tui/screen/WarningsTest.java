package dev.berth.tui.screen;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyType;
import dev.berth.tui.view.Snapshot;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A sample's read warnings reach the screen: a count in the status line, the list under a key (issue 8). */
class WarningsTest {
    static Snapshot withWarnings(List<String> warnings) {
        Snapshot s = Fixtures.snapshot();
        return new Snapshot(s.at(), s.host(), s.containers(), Optional.empty(), warnings);
    }

    @Test
    void theStatusLineCountsThemAndWListsThem() {
        Harness h = new Harness(100, 30).feed(withWarnings(List.of(
                "/sys/fs/cgroup/berth/web/memory.stat: permission denied",
                "/proc/123/net/dev: malformed line \"x\"")));
        assertTrue(h.rowOf("2 warnings (w)") >= 0, h.text());
        h.press('w');
        h.render();
        assertTrue(h.rowOf("memory.stat: permission denied") >= 0, h.text());
        assertTrue(h.rowOf("malformed line") >= 0, h.text());
        h.press(KeyType.Escape);
        h.render();
        assertFalse(h.rowOf("memory.stat: permission denied") >= 0, h.text());
    }

    @Test
    void aCleanSampleShowsNoCount() {
        Harness h = new Harness(100, 30).feed(withWarnings(List.of()));
        assertFalse(h.text().contains("warning"), h.text());
    }
}
