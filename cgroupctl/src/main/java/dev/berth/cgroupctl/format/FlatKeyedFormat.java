package dev.berth.cgroupctl.format;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Files of {@code key value} lines: {@code cpu.stat}, {@code memory.stat}, {@code memory.events},
 * {@code cpuacct.stat}, {@code memory.oom_control}, {@code cgroup.events}. Keys keep file order. An empty file is an
 * empty map.
 */
public final class FlatKeyedFormat {
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
            String[] f = line.strip().split("\\s+");
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
}
