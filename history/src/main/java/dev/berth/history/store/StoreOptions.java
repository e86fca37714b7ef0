package dev.berth.history.store;

import java.time.Duration;

/**
 * How a {@link StoreWriter} writes.
 *
 * @param shardLength  the time one pair of files covers; a divisor of a day, at least a minute
 * @param keyEvery     a key frame every this many frames (1 to 1000); the rest are delta-encoded
 * @param reference    what a delta frame is encoded against
 * @param zstdLevel    zstd compression level
 * @param sync         fsync data and index after every record (survives power loss, not only a killed process)
 */
public record StoreOptions(Duration shardLength, int keyEvery, Reference reference, int zstdLevel, boolean sync) {

    /** What a delta frame is encoded against: the trade between size and what one damaged record costs. */
    public enum Reference {
        /** The previous frame: smallest; a damaged record also loses the frames after it, up to the next key frame. */
        PREVIOUS,
        /** The chunk's key frame: larger; a damaged record loses itself only (a damaged key frame, its chunk). */
        KEY_FRAME
    }
    /**
     * The defaults, chosen by measurement (bench/history/RESULTS.txt): one-hour shards (retention and --max-size
     * free space an hour at a time); delta against the previous frame, which measured 14.3 and 11.8 bytes per
     * container-sample at 100 and 500 containers against 30.0 and 26.2 for delta against the key frame; a key frame
     * every 60 frames (10 minutes at 10 s), which bounds what one damaged record can cost; zstd level 9, 1.5 to 2.5
     * bytes smaller than level 3 for no measurable cost on frames of a few kilobytes.
     */
    public static final StoreOptions DEFAULT = new StoreOptions(Duration.ofHours(1), 60, Reference.PREVIOUS, 9, true);

    public StoreOptions {
        if (shardLength.getSeconds() < 60 || 86_400 % shardLength.getSeconds() != 0 || shardLength.getNano() != 0) {
            throw new IllegalArgumentException("invalid shard length " + shardLength
                    + ": expected whole seconds, at least a minute, dividing a day");
        }
        if (keyEvery < 1 || keyEvery > 1000) {
            throw new IllegalArgumentException("invalid key frame interval " + keyEvery + ": expected 1 to 1000");
        }
    }
}
