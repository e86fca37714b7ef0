package dev.berth.cgroupctl;

import java.util.Map;
import java.util.OptionalLong;

/**
 * The key/value lines of {@code memory.stat}, in file order. Units: bytes for sizes, counts for events, as the
 * kernel documents each key.
 *
 * <p>v1 values are clamped at 0: some v1 kernels report transiently negative per-cpu sums (see
 * {@link dev.berth.cgroupctl.format.FlatKeyedFormat#parseClampingNegatives(String)}).
 *
 * @param entries every key of the file, in file order
 */
public record MemoryStat(Map<String, Long> entries) {

    /** Keeps the entries immutable (the map keeps file order). */
    public MemoryStat {
        if (!dev.berth.cgroupctl.format.FlatKeyedFormat.isFound(entries)) {
            entries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entries));
        }
    }

    /** @return anonymous memory: v2 {@code anon}, v1 {@code total_rss} (hierarchical) or {@code rss} */
    public OptionalLong anonBytes() {
        return first("anon", "total_rss", "rss");
    }

    /** @return page cache: v2 {@code file}, v1 {@code total_cache} or {@code cache} */
    public OptionalLong fileBytes() {
        return first("file", "total_cache", "cache");
    }

    /**
     * Reclaimable page cache, which {@code docker stats} and cAdvisor subtract from usage. v1 prints both
     * {@code inactive_file} (this cgroup's own pages) and {@code total_inactive_file} (with its descendants); v1
     * {@code memory.usage_in_bytes} is hierarchical, so the {@code total_} key is the one that matches it and wins.
     * v2 has only {@code inactive_file}, which is already hierarchical.
     *
     * @return v1 {@code total_inactive_file}, else {@code inactive_file}
     */
    public OptionalLong inactiveFileBytes() {
        return first("total_inactive_file", "inactive_file");
    }

    /**
     * @param key a key of the file, e.g. {@code pgmajfault}
     * @return its value, empty when the kernel did not print it
     */
    public OptionalLong get(String key) {
        Long v = entries.get(key);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    private OptionalLong first(String... keys) {
        for (String k : keys) {
            Long v = entries.get(k);
            if (v != null) {
                return OptionalLong.of(v);
            }
        }
        return OptionalLong.empty();
    }
}
