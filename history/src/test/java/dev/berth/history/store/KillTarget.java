package dev.berth.history.store;

import dev.berth.history.testing.SyntheticHost;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The subprocess {@link CrashTest} kills: takes the store lock, then appends a {@link SyntheticHost} frame every
 * 50 ms with the default options (fsync included) and prints {@code wrote N} after each. Arguments: store
 * directory, first frame time (ISO-8601), seed.
 */
public final class KillTarget {
    private KillTarget() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        SyntheticHost h = new SyntheticHost(50, Instant.parse(args[1]), Duration.ofSeconds(10), Long.parseLong(args[2]));
        try (StoreLock lock = StoreLock.acquire(dir); StoreWriter w = new StoreWriter(dir, StoreOptions.DEFAULT)) {
            System.out.println("locked");
            System.out.flush();
            for (int n = 1; ; n++) {
                w.append(h.next());
                System.out.println("wrote " + n);
                System.out.flush();
                Thread.sleep(50);
            }
        }
    }
}
