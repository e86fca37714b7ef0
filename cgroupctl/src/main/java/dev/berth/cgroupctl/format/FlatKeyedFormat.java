package dev.berth.cgroupctl.format;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Files of {@code key value} lines: {@code cpu.stat}, {@code memory.stat}, {@code memory.events},
 * {@code cpuacct.stat}, {@code memory.oom_control}, {@code cgroup.events}. Keys keep file order. An empty file is an
 * empty map.
 */
public final class FlatKeyedFormat {
    /** Runs of whitespace: compiled once ({@code String.split("\\s+")} compiles the pattern on every call). */
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private FlatKeyedFormat() {
    }

    /**
     * @param content the file content
     * @return key to value, in file order
     * @throws MalformedContentException if a line is not {@code key integer}
     */
    public static Map<String, Long> parse(String content) throws MalformedContentException {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String line : content.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = WHITESPACE.split(line.strip());
            if (f.length != 2) {
                throw new MalformedContentException(line, "expected \"key value\"");
            }
            out.put(f[0], Numbers.parseLong(f[1], line));
        }
        return out;
    }

    /**
     * Like {@link #parse(String)}, but negative values become 0. Some v1 kernels print negative numbers in
     * {@code memory.stat}: runc's {@code fscommon.ParseUint} saturates them at zero "due to kernel bugs", and the
     * usual source is the per-cpu batching of memcg statistics, which let a sum read below zero while one CPU's
     * decrement was flushed before another CPU's increment (replaced by exact rstat aggregation in Linux 5.13,
     * commit 2d146aa3aa84 "mm: memcontrol: switch to rstat"). A negative amount of memory is never true, and 0 is
     * the nearest value that is.
     *
     * @param content the file content
     * @return key to value, negatives clamped to 0
     * @throws MalformedContentException if a line is not {@code key integer}
     */
    public static Map<String, Long> parseClampingNegatives(String content) throws MalformedContentException {
        Map<String, Long> out = parse(content);
        out.replaceAll((k, v) -> Math.max(0, v));
        return out;
    }

    /**
     * @param map a parsed file
     * @param key a key that must be there
     * @return its value
     * @throws MalformedContentException if the key is missing
     */
    public static long require(Map<String, Long> map, String key) throws MalformedContentException {
        Long v = map.get(key);
        if (v == null) {
            throw new MalformedContentException(String.join(" ", map.keySet()), "missing key \"" + key + "\"");
        }
        return v;
    }

    /**
     * The keys a byte parse looks up, prepared once (as ASCII bytes) and kept in a constant.
     */
    public static final class Keys {
        private final String[] names;
        private final byte[][] bytes;

        /** @param names the keys, at most 64; their index is their position in the output array */
        public Keys(String... names) {
            if (names.length > 64) {
                throw new IllegalArgumentException("at most 64 keys");
            }
            this.names = names.clone();
            this.bytes = new byte[names.length][];
            for (int i = 0; i < names.length; i++) {
                bytes[i] = ByteLines.ascii(names[i]);
            }
        }

        /** @return the number of keys */
        public int size() {
            return names.length;
        }

        /** @return the key at {@code index} */
        public String name(int index) {
            return names[index];
        }
    }

    /**
     * {@link #parse(String)} over a read buffer in place, keeping only the wanted keys: every line is checked to be
     * {@code key integer} as the String parser checks it, and the value of key {@code keys.name(i)} goes to
     * {@code values[i]}. No map, no String.
     *
     * @param content the buffer
     * @param length  the file's length
     * @param keys    the keys wanted
     * @param values  receives the values, at least {@code keys.size()} long
     * @param clampNegatives as {@link #parseClampingNegatives(String)}: negative values become 0
     * @return a bit mask: bit {@code i} set when key {@code i} was found
     * @throws MalformedContentException if a line is not {@code key integer}
     */
    public static long parse(byte[] content, int length, Keys keys, long[] values, boolean clampNegatives)
            throws MalformedContentException {
        ByteLines l = new ByteLines(content, length);
        long found = 0;
        while (l.nextLine()) {
            int ks = l.token();
            int ke = l.tokenEnd;
            int vs = l.token();
            int ve = l.tokenEnd;
            if (vs == ve || !l.atLineEnd()) {
                throw new MalformedContentException(l.line(), "expected \"key value\"");
            }
            long v = l.parseLong(vs, ve);
            for (int i = 0; i < keys.bytes.length; i++) {
                if (l.equals(ks, ke, keys.bytes[i])) {
                    values[i] = clampNegatives ? Math.max(0, v) : v;
                    found |= 1L << i;
                    break;
                }
            }
        }
        return found;
    }

    /**
     * @param found the bit mask {@link #parse(byte[], int, Keys, long[], boolean)} returned
     * @param keys  the keys, all of which must have been found
     * @throws MalformedContentException naming the first key missing
     */
    public static void requireAll(long found, Keys keys) throws MalformedContentException {
        for (int i = 0; i < keys.size(); i++) {
            if ((found & (1L << i)) == 0) {
                throw new MalformedContentException("", "missing key \"" + keys.name(i) + "\"");
            }
        }
    }

    /**
     * The keys found by {@link #parse(byte[], int, Keys, long[], boolean)} as an unmodifiable map in key order, over
     * the values array itself (no entry objects): what a per-tick reader hands on without copying.
     *
     * @param keys   the keys parsed
     * @param values the values parsed (not copied: the caller gives up the array)
     * @param found  the bit mask the parse returned
     * @return key to value for the keys found
     */
    public static Map<String, Long> found(Keys keys, long[] values, long found) {
        return new Found(keys, values, found);
    }

    /** An unmodifiable map over a parse's keys, values and found mask; iteration in key order. */
    static final class Found extends java.util.AbstractMap<String, Long> {
        private final Keys keys;
        private final long[] values;
        private final long found;

        Found(Keys keys, long[] values, long found) {
            this.keys = keys;
            this.values = values;
            this.found = found;
        }

        @Override
        public Long get(Object key) {
            for (int i = 0; i < keys.size(); i++) {
                if ((found & (1L << i)) != 0 && keys.name(i).equals(key)) {
                    return values[i];
                }
            }
            return null;
        }

        @Override
        public boolean containsKey(Object key) {
            return get(key) != null;
        }

        @Override
        public int size() {
            return Long.bitCount(found);
        }

        @Override
        public java.util.Set<Entry<String, Long>> entrySet() {
            java.util.Set<Entry<String, Long>> out = new java.util.LinkedHashSet<>();
            for (int i = 0; i < keys.size(); i++) {
                if ((found & (1L << i)) != 0) {
                    out.add(new java.util.AbstractMap.SimpleImmutableEntry<>(keys.name(i), values[i]));
                }
            }
            return java.util.Collections.unmodifiableSet(out);
        }
    }

    /** @return whether {@code map} is one {@link #found} made (unmodifiable, no copy needed) */
    public static boolean isFound(Map<String, Long> map) {
        return map instanceof Found;
    }
}
