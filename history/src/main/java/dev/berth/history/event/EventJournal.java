package dev.berth.history.event;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * The journal of control actions, {@code <store>/events.journal}: every front end appends the actions it performs
 * here, whether a recorder runs or not; the recorder moves them into the store ({@link #drain}) and a history
 * read shows those not moved yet ({@link #read}). One line per event: the CRC32C of the JSON in 8 hex digits, a
 * space, the JSON ({@link EventCodec}). A torn or damaged line is skipped with a warning.
 *
 * <p>Appenders and the drainer take an {@code flock} on the file, so a line is never half-read and never lost
 * between the drainer's read and its truncation. Safe across processes; within one process, use one instance per
 * thread or serialise calls.
 */
public final class EventJournal {
    /** The journal's file name inside the store directory. */
    public static final String FILE = "events.journal";

    private final Path file;

    /** @param storeDir the store directory */
    public EventJournal(Path storeDir) {
        this.file = storeDir.resolve(FILE);
    }

    /** The journal file. */
    public Path file() {
        return file;
    }

    /**
     * Appends one event, creating the store directory and the journal if needed.
     *
     * @throws IOException when the journal cannot be written (the caller reports it; the action itself stands)
     */
    public void append(Event e) throws IOException {
        Files.createDirectories(file.getParent());
        String json = EventCodec.encode(e);
        byte[] line = (crc(json) + " " + json + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND); FileLock l = ch.lock()) {
            ByteBuffer b = ByteBuffer.wrap(line);
            while (b.hasRemaining()) {
                ch.write(b);
            }
        }
    }

    /**
     * The events in the journal, in file order; empty when there is no journal.
     *
     * @throws IOException when it exists but cannot be read
     */
    public List<Event> read(Consumer<String> warnings) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return parse(readAll(ch), warnings);
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    /** What {@link #drain} hands its callback. */
    public interface Sink {
        /** Stores the events; throwing leaves them in the journal for the next drain. */
        void store(List<Event> events) throws IOException;
    }

    /**
     * Hands every event in the journal to {@code sink} and, once it returned, empties the journal, holding the
     * lock throughout. A crash after {@code sink} and before the truncation stores the events again next time; the
     * reader shows each event id once.
     *
     * @return how many events were handed over
     */
    public int drain(Sink sink, Consumer<String> warnings) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock l = ch.lock()) {
            String text = readAll(ch);
            if (text.isEmpty()) {
                return 0;
            }
            List<Event> events = parse(text, warnings);
            if (!events.isEmpty()) {
                sink.store(events);
            }
            ch.truncate(0);
            ch.force(false);
            return events.size();
        }
    }

    /** Each id once, the first occurrence kept, order kept. */
    public static List<Event> distinct(List<Event> events) {
        Map<String, Event> byId = new LinkedHashMap<>();
        for (Event e : events) {
            byId.putIfAbsent(e.id(), e);
        }
        return new ArrayList<>(byId.values());
    }

    private List<Event> parse(String text, Consumer<String> warnings) {
        List<Event> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : text.split("\n", -1)) {
            lineNo++;
            if (line.isEmpty()) {
                continue;
            }
            int sp = line.indexOf(' ');
            if (sp != 8 || !line.substring(0, 8).equals(crc(line.substring(9)))) {
                warnings.accept(file + ": line " + lineNo + " is torn or damaged, skipped");
                continue;
            }
            try {
                out.add(EventCodec.decode(line.substring(9)));
            } catch (IllegalArgumentException e) {
                warnings.accept(file + ": line " + lineNo + " skipped: " + e.getMessage());
            }
        }
        return out;
    }

    private String readAll(FileChannel ch) throws IOException {
        long size = ch.size();
        if (size > 64 << 20) {
            throw new IOException(file + ": " + size + " bytes, more than 64 MiB: not a berth journal");
        }
        ByteBuffer b = ByteBuffer.allocate((int) size);
        while (b.hasRemaining() && ch.read(b, b.position()) > 0) {
            // fill
        }
        return new String(b.array(), 0, b.position(), StandardCharsets.UTF_8);
    }

    private static String crc(String json) {
        CRC32C c = new CRC32C();
        c.update(json.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", c.getValue());
    }
}
