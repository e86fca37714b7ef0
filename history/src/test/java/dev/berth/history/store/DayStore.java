package dev.berth.history.store;

import dev.berth.history.testing.SyntheticHost;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Writes a store of {@link SyntheticHost} frames for the benchmarks: arguments store directory, containers, frames,
 * interval seconds, first frame time. Prints the bytes on disk per container-sample. Not a test.
 */
public final class DayStore {
    private DayStore() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int containers = Integer.parseInt(args[1]);
        int frames = Integer.parseInt(args[2]);
        SyntheticHost h = new SyntheticHost(containers, Instant.parse(args[4]),
                Duration.ofSeconds(Long.parseLong(args[3])), 11);
        try (StoreWriter w = new StoreWriter(dir, new StoreOptions(StoreOptions.DEFAULT.shardLength(),
                StoreOptions.DEFAULT.keyEvery(), StoreOptions.DEFAULT.reference(), StoreOptions.DEFAULT.zstdLevel(),
                false))) {
            for (int i = 0; i < frames; i++) {
                w.append(h.next());
            }
        }
        long bytes = 0;
        for (Shards.Shard s : Shards.list(dir)) {
            bytes += s.bytes();
        }
        System.out.printf("%d frames of %d containers: %d bytes, %.2f bytes per container-sample%n", frames,
                containers, bytes, (double) bytes / frames / containers);
    }
}
