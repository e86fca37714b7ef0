package dev.berth.history.store;

import java.time.Duration;

/**
 * How a {@link StoreWriter} writes.
 *
 * @param shardLength  the time one pair of files covers; a divisor of a day, at least a minute
 * @param keyEvery     a key frame every this many frames (the rest are delta-encoded against it)
 * @param zstdLevel    zstd compression level
 * @param sync         fsync data and index after every record (survives power loss, not only a killed process)
 */
public record StoreOptions(Duration shardLength, int keyEvery, int zstdLevel, boolean sync) {
    /**
     * The defaults, chosen by measurement (bench/history): one-hour shards (a day of 14-day retention is 24 pairs
     * of small files; retention and --max-size free space an hour at a time); a key frame every 360 frames (an
     * hour at 10 s); zstd level 3.
     */
    public static final StoreOptions DEFAULT = new StoreOptions(Duration.ofHours(1), 360, 3, true);

    public StoreOptions {
        if (shardLength.getSeconds() < 60 || 86_400 % shardLength.getSeconds() != 0 || shardLength.getNano() != 0) {
            throw new IllegalArgumentException("invalid shard length " + shardLength
                    + ": expected whole seconds, at least a minute, dividing a day");
        }
        if (keyEvery < 1) {
            throw new IllegalArgumentException("invalid key frame interval " + keyEvery + ": expected at least 1");
        }
    }
}
