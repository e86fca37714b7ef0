package dev.berth.history.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.history.testing.SyntheticHost;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest {
    private static final Instant T0 = Instant.parse("2026-11-30T00:00:00Z");
    private static final StoreOptions OPTIONS = StoreOptions.DEFAULT;

    @TempDir
    Path dir;

    /** Six hourly shards, 00:00 to 05:00, each with a few frames. */
    private void sixHours() throws IOException {
        try (StoreWriter w = new StoreWriter(dir, OPTIONS)) {
            for (int h = 0; h < 6; h++) {
                SyntheticHost host = new SyntheticHost(20, T0.plus(Duration.ofHours(h)), Duration.ofSeconds(10), h);
                for (int i = 0; i < 30; i++) {
                    w.append(host.next());
                }
            }
        }
    }

    private List<Instant> starts() throws IOException {
        return Shards.list(dir).stream().map(Shards.Shard::start).toList();
    }

    @Test
    void deletesShardsOlderThanTheAgeOldestFirst() throws IOException {
        sixHours();
        // At 05:30 with 3 h kept: shards that ended before 02:30 go (00:00, 01:00), 02:00 ends at 03:00 and stays.
        List<Shards.Shard> gone = new Retention(Duration.ofHours(3), Long.MAX_VALUE).apply(dir,
                T0.plus(Duration.ofMinutes(330)), OPTIONS.shardLength(), Optional.of(T0.plus(Duration.ofHours(5))));
        assertEquals(List.of(T0, T0.plus(Duration.ofHours(1))), gone.stream().map(Shards.Shard::start).toList());
        assertEquals(List.of(2L, 3L, 4L, 5L), starts().stream().map(s -> Duration.between(T0, s).toHours()).toList());
        assertEquals(120, new StoreReader(dir, w -> { }).frames(Instant.MIN, Instant.MAX).size());
    }

    @Test
    void deletesTheOldestShardsUntilTheStoreFitsButNeverTheOneBeingWritten() throws IOException {
        sixHours();
        long one = Shards.list(dir).get(0).bytes();
        long total = Shards.list(dir).stream().mapToLong(Shards.Shard::bytes).sum();
        // Room for a little more than two shards: the four oldest go.
        new Retention(Duration.ofDays(14), total - 4 * one + one / 2).apply(dir, T0.plus(Duration.ofHours(6)),
                OPTIONS.shardLength(), Optional.of(T0.plus(Duration.ofHours(5))));
        assertEquals(List.of(T0.plus(Duration.ofHours(4)), T0.plus(Duration.ofHours(5))), starts());
        // A limit smaller than the shard being written leaves that shard alone.
        new Retention(Duration.ofDays(14), 1).apply(dir, T0.plus(Duration.ofHours(6)), OPTIONS.shardLength(),
                Optional.of(T0.plus(Duration.ofHours(5))));
        assertEquals(List.of(T0.plus(Duration.ofHours(5))), starts());
    }
}
