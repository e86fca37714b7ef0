package dev.berth.cgroupctl.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Files of {@code KEY sub=value sub=value} lines: {@code io.stat} ({@code 8:0 rbytes=1 wbytes=2 ...}),
 * {@code io.max} ({@code 8:0 rbps=max wbps=1048576 ...}). An empty file (no IO yet) is an empty list.
 */
public final class NestedKeyedFormat {
    /** Runs of whitespace: compiled once ({@code String.split("\\s+")} compiles the pattern on every call). */
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private NestedKeyedFormat() {
    }

    /**
     * One line.
     *
     * @param key    the first field, e.g. {@code 8:0}
     * @param values the {@code sub=value} pairs, in line order, values as text
     */
    public record Line(String key, Map<String, String> values) {
        /** Keeps the map immutable, in line order. */
        public Line {
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    /**
     * @param content the file content
     * @return the lines
     * @throws MalformedContentException if a pair lacks {@code =}
     */
    public static List<Line> parse(String content) throws MalformedContentException {
        List<Line> out = new ArrayList<>();
        for (String line : content.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = WHITESPACE.split(line.strip());
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 1; i < f.length; i++) {
                int eq = f[i].indexOf('=');
                if (eq <= 0) {
                    throw new MalformedContentException(line, "expected \"key=value\", got \"" + f[i] + "\"");
                }
                values.put(f[i].substring(0, eq), f[i].substring(eq + 1));
            }
            out.add(new Line(f[0], values));
        }
        return out;
    }

    /**
     * Parses a {@code MAJ:MIN} device key.
     *
     * @param key e.g. {@code 8:0}
     * @return {@code {major, minor}}
     * @throws MalformedContentException if not two integers separated by a colon
     */
    public static int[] parseDevice(String key) throws MalformedContentException {
        int c = key.indexOf(':');
        if (c <= 0) {
            throw new MalformedContentException(key, "expected MAJOR:MINOR");
        }
        return new int[] {Numbers.parseInt(key.substring(0, c), key), Numbers.parseInt(key.substring(c + 1), key)};
    }

    /**
     * @param line a parsed line
     * @param sub  a sub-key that must be there
     * @return its value as a number
     * @throws MalformedContentException if missing or not a non-negative integer
     */
    public static long requireLong(Line line, String sub) throws MalformedContentException {
        String v = line.values().get(sub);
        if (v == null) {
            throw new MalformedContentException(line.key() + " " + line.values(), "missing key \"" + sub + "\"");
        }
        return Numbers.parseUnsigned(v, line.key() + " " + sub + "=" + v);
    }
}
