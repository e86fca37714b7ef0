package dev.berth.history.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventJournalTest {
    @TempDir
    Path dir;

    private static Event event(String id, String after) {
        return new Event(id, Instant.parse("2026-11-30T03:10:00Z"), Event.Kind.SET, "web", Optional.of("/berth/web"),
                OptionalLong.of(0), "cli", List.of(new Event.Change("memory", Optional.of("max"), after)),
                Event.Outcome.OK);
    }

    @Test
    void appendedEventsAreReadBackAndDrainedOnce() throws IOException {
        EventJournal j = new EventJournal(dir);
        j.append(event("a", "256M"));
        j.append(event("b", "512M"));
        assertEquals(List.of(event("a", "256M"), event("b", "512M")), j.read(w -> { }));
        List<Event> stored = new ArrayList<>();
        assertEquals(2, j.drain(stored::addAll, w -> { }));
        assertEquals(List.of(event("a", "256M"), event("b", "512M")), stored);
        assertEquals(List.of(), j.read(w -> { }));
        assertEquals(0, j.drain(stored::addAll, w -> { }));
    }

    @Test
    void aTornOrDamagedLineIsSkippedWithAWarning() throws IOException {
        EventJournal j = new EventJournal(dir);
        j.append(event("a", "256M"));
        String line = Files.readString(j.file());
        Files.writeString(j.file(), line.replace("256M", "257M") + line + line.substring(0, 20),
                StandardOpenOption.TRUNCATE_EXISTING);
        List<String> warnings = new ArrayList<>();
        assertEquals(List.of(event("a", "256M")), j.read(warnings::add));
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).endsWith("line 1 is torn or damaged, skipped"), warnings.get(0));
    }

    @Test
    void aFailedStoreLeavesTheEventsInTheJournal() throws IOException {
        EventJournal j = new EventJournal(dir);
        j.append(event("a", "256M"));
        assertThrows(IOException.class, () -> j.drain(events -> {
            throw new IOException("No space left on device");
        }, w -> { }));
        assertEquals(List.of(event("a", "256M")), j.read(w -> { }));
    }

    @Test
    void distinctKeepsEachIdOnce() {
        assertEquals(List.of(event("a", "1"), event("b", "2")),
                EventJournal.distinct(List.of(event("a", "1"), event("b", "2"), event("a", "1"))));
    }
}
