package dev.berth.history.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Deletes whole shards, oldest first: every shard that ended more than {@code maxAge} ago, then more until the
 * store's total size is at most {@code maxBytes}. The shard being written is never deleted. Data file first, then
 * index: a reader that lists the index of a shard being deleted finds its data gone and skips it. Stateless.
 *
 * @param maxAge   keep at least this much history
 * @param maxBytes total size of the store's shard files
 */
public record Retention(Duration maxAge, long maxBytes) {

    /**
     * Applies the policy.
     *
     * @param dir     the store
     * @param now     the current time
     * @param writing the start of the shard being written, never deleted
     * @return the shards deleted, oldest first
     * @throws IOException when the directory cannot be listed or a file cannot be deleted
     */
    public List<Shards.Shard> apply(Path dir, Instant now, Duration shardLength, Optional<Instant> writing)
            throws IOException {
        List<Shards.Shard> all = new ArrayList<>(Shards.list(dir));
        List<Shards.Shard> deleted = new ArrayList<>();
        long total = 0;
        for (Shards.Shard s : all) {
            total += s.bytes();
        }
        Instant oldest = now.minus(maxAge);
        for (Shards.Shard s : all) {
            if (writing.isPresent() && !s.start().isBefore(writing.get())) {
                break;
            }
            boolean expired = !s.start().plus(shardLength).isAfter(oldest);
            if (!expired && total <= maxBytes) {
                break;
            }
            long size = s.bytes();
            Files.deleteIfExists(s.data());
            Files.deleteIfExists(s.index());
            total -= size;
            deleted.add(s);
        }
        return deleted;
    }
}
