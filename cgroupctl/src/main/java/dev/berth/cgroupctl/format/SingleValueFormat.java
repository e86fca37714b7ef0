package dev.berth.cgroupctl.format;

import dev.berth.cgroupctl.Limit;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Files holding one value on one line: {@code memory.current}, {@code pids.max} ({@code max} or a number),
 * {@code cpu.cfs_quota_us} ({@code -1}), {@code freezer.state} (a word). The trailing newline is optional.
 */
public final class SingleValueFormat {
    /** Runs of whitespace: compiled once ({@code String.split("\\s+")} compiles the pattern on every call). */
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private SingleValueFormat() {
    }

    /**
     * @param content the file content
     * @return the one line, without its newline
     * @throws MalformedContentException if there is not exactly one line
     */
    public static String parseLine(String content) throws MalformedContentException {
        String c = content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
        if (c.isEmpty() || c.indexOf('\n') >= 0) {
            throw new MalformedContentException(c, "expected one line");
        }
        return c.strip();
    }

    /**
     * @param content e.g. {@code "1234\n"}
     * @return the value, which may be negative (v1 {@code cpu.cfs_quota_us} prints {@code -1})
     * @throws MalformedContentException if not one integer
     */
    public static long parseLong(String content) throws MalformedContentException {
        String line = parseLine(content);
        return Numbers.parseLong(line, line);
    }

    /**
     * @param content e.g. {@code "1234\n"}
     * @return the value, {@code >= 0}
     * @throws MalformedContentException if not one non-negative integer
     */
    public static long parseUnsigned(String content) throws MalformedContentException {
        String line = parseLine(content);
        return Numbers.parseUnsigned(line, line);
    }

    /**
     * @param content {@code "max\n"} or a non-negative integer
     * @return {@link Limit#UNLIMITED} for {@code max}, else the number
     * @throws MalformedContentException otherwise
     */
    public static Limit parseLimit(String content) throws MalformedContentException {
        String line = parseLine(content);
        if (line.equals("max")) {
            return Limit.UNLIMITED;
        }
        return Limit.of(Numbers.parseUnsigned(line, line));
    }

    /**
     * Splits a one-line file of space-separated fields, e.g. v2 {@code cpu.max} ({@code "max 100000"}).
     *
     * @param content the file content
     * @param count   how many fields the line must have
     * @return the fields
     * @throws MalformedContentException if not one line of {@code count} fields
     */
    public static java.util.List<String> parseFields(String content, int count) throws MalformedContentException {
        String line = parseLine(content);
        String[] f = WHITESPACE.split(line);
        if (f.length != count) {
            throw new MalformedContentException(line, "expected " + count + " space-separated fields");
        }
        return java.util.List.of(f);
    }

    /**
     * @param token one field, {@code max} or a non-negative integer
     * @return the limit
     * @throws MalformedContentException otherwise
     */
    public static Limit parseLimitToken(String token) throws MalformedContentException {
        return token.equals("max") ? Limit.UNLIMITED : Limit.of(Numbers.parseUnsigned(token, token));
    }

    /**
     * {@link #parseLong(String)} over a read buffer in place.
     *
     * @param content the buffer
     * @param length  the file's length
     * @return the value, which may be negative
     * @throws MalformedContentException if not one integer
     */
    public static long parseLong(byte[] content, int length) throws MalformedContentException {
        ByteLines l = oneLine(content, length);
        int start = l.token();
        return l.parseLong(start, l.tokenEnd);
    }

    /**
     * {@link #parseUnsigned(String)} over a read buffer in place.
     *
     * @param content the buffer
     * @param length  the file's length
     * @return the value, {@code >= 0}
     * @throws MalformedContentException if not one non-negative integer
     */
    public static long parseUnsigned(byte[] content, int length) throws MalformedContentException {
        ByteLines l = oneLine(content, length);
        int start = l.token();
        long v = l.parseLong(start, l.tokenEnd);
        if (v < 0) {
            throw new MalformedContentException(l.line(), "expected a non-negative integer, got \"" + l.line().strip()
                    + "\"");
        }
        return v;
    }

    /** The one line of the content, as {@link #parseLine(String)} demands, with exactly one token on it. */
    private static ByteLines oneLine(byte[] content, int length) throws MalformedContentException {
        int n = length > 0 && content[length - 1] == '\n' ? length - 1 : length;
        for (int i = 0; i < n; i++) {
            if (content[i] == '\n') {
                throw new MalformedContentException(new String(content, 0, n, StandardCharsets.UTF_8),
                        "expected one line");
            }
        }
        ByteLines l = new ByteLines(content, n);
        if (!l.nextLine() || !l.singleToken()) {
            throw new MalformedContentException(new String(content, 0, n, StandardCharsets.UTF_8),
                    "expected one line");
        }
        return l;
    }
}
