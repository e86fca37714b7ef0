package dev.berth.collectors.discovery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What was read from a file, per key, read again only when the file's modification time changes: one {@code stat}
 * per lookup. A file that cannot be stat'ed (gone, unreadable) gives {@code absent} and is forgotten. Used for the
 * runtimes' state files (docker's config, berth's own state) that the samplers look up every tick. Not
 * thread-safe: use from one sampling thread.
 *
 * @param <K> the key (a container id or name)
 * @param <V> what is read from the file
 */
public final class ModifiedFileCache<K, V> {
    private final V absent;
    private final Map<K, Cached<V>> cache = new HashMap<>();

    private record Cached<V>(FileTime time, V value) {
    }

    /** @param absent the value of a key whose file cannot be stat'ed */
    public ModifiedFileCache(V absent) {
        this.absent = absent;
    }

    /**
     * @param key  the key
     * @param file its file
     * @param read reads the file (called only when it is new or changed); it handles its own read errors
     * @return what {@code read} gave for the file's current modification time
     */
    public V get(K key, Path file, Function<Path, V> read) {
        FileTime t;
        try {
            t = Files.getLastModifiedTime(file);
        } catch (IOException e) {
            cache.remove(key);
            return absent;
        }
        Cached<V> c = cache.get(key);
        if (c == null || !c.time().equals(t)) {
            c = new Cached<>(t, read.apply(file));
            cache.put(key, c);
        }
        return c.value();
    }
}
