package dev.berth.cgroupctl.format;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Lists: one id per line ({@code cgroup.procs}, {@code tasks}) and space-separated words
 * ({@code cgroup.controllers}, {@code cgroup.subtree_control}). Empty files are empty lists.
 */
public final class ListFormat {
    /** Runs of whitespace: compiled once ({@code String.split("\\s+")} compiles the pattern on every call). */
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private ListFormat() {
    }

    /**
     * @param content e.g. {@code "1\n42\n"}
     * @return the ids in file order
     * @throws MalformedContentException if a line is not a non-negative integer
     */
    public static List<Long> parseIds(String content) throws MalformedContentException {
        List<Long> out = new ArrayList<>();
        for (String line : content.split("\n")) {
            String l = line.strip();
            if (!l.isEmpty()) {
                out.add(Numbers.parseUnsigned(l, line));
            }
        }
        return out;
    }

    /**
     * @param content e.g. {@code "cpuset cpu io memory pids\n"}
     * @return the words
     */
    public static List<String> parseWords(String content) {
        String c = content.strip();
        return c.isEmpty() ? List.of() : Arrays.asList(WHITESPACE.split(c));
    }

    /**
     * {@link #parseIds(String)} over a read buffer in place.
     *
     * @param content the buffer
     * @param length  the file's length
     * @return the ids in file order
     * @throws MalformedContentException if a line is not one non-negative integer
     */
    public static List<Long> parseIds(byte[] content, int length) throws MalformedContentException {
        List<Long> out = new ArrayList<>();
        ByteLines l = new ByteLines(content, length);
        while (l.nextLine()) {
            int s = l.token();
            int e = l.tokenEnd;
            long v = l.parseLong(s, e);
            if (v < 0 || !l.atLineEnd()) {
                throw new MalformedContentException(l.line(), "expected a non-negative integer, got \""
                        + l.line().strip() + "\"");
            }
            out.add(v);
        }
        return out;
    }
}
