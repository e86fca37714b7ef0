package dev.berth.history.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Names and lists a store's shards: {@code <start>.data} and {@code <start>.index}, the start in UTC as
 * {@code yyyyMMdd'T'HHmm'Z'} so that names sort in time order. Stateless.
 */
public final class Shards {
    static final String DATA = ".data";
    static final String INDEX = ".index";
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'")
            .withZone(ZoneOffset.UTC);

    private Shards() {
    }

    /**
     * One shard.
     *
     * @param start the first instant it covers
     * @param data  its data file
     * @param index its index file
     */
    public record Shard(Instant start, Path data, Path index) {
        /** Bytes on disk, both files; 0 for a file that has gone. */
        public long bytes() {
            return size(data) + size(index);
        }

        private static long size(Path p) {
            try {
                return Files.size(p);
            } catch (IOException e) {
                return 0;
            }
        }
    }

    /** The start of the shard that holds {@code t}: {@code t} rounded down to a multiple of {@code length}. */
    static Instant startOf(Instant t, Duration length) {
        long s = length.getSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), s) * s);
    }

    static Shard shard(Path dir, Instant start) {
        String base = NAME.format(start);
        return new Shard(start, dir.resolve(base + DATA), dir.resolve(base + INDEX));
    }

    /** Every shard that has an index file in {@code dir}, oldest first; an absent directory has none. */
    public static List<Shard> list(Path dir) throws IOException {
        List<Shard> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*" + INDEX)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                parse(n.substring(0, n.length() - INDEX.length())).ifPresent(start -> out.add(shard(dir, start)));
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        out.sort(Comparator.comparing(Shard::start));
        return out;
    }

    private static Optional<Instant> parse(String base) {
        try {
            return Optional.of(NAME.parse(base, Instant::from));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
