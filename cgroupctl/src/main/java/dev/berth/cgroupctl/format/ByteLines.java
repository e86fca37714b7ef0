package dev.berth.cgroupctl.format;

import java.nio.charset.StandardCharsets;

/**
 * Scanning of a kernel file's bytes in place, for the byte parsers of this package (package-private: its one home).
 * A cursor over {@code [pos, end)} of one buffer; whitespace is space and tab within a line, lines end at
 * {@code \n}. Strings are built only for error messages.
 */
final class ByteLines {
    private final byte[] b;
    private final int end;
    private int pos;
    private int lineStart;
    private int lineEnd;

    ByteLines(byte[] b, int length) {
        this.b = b;
        this.end = length;
    }

    /** Moves to the next line that is not blank. @return false at the end */
    boolean nextLine() {
        while (pos < end) {
            lineStart = pos;
            int nl = pos;
            while (nl < end && b[nl] != '\n') {
                nl++;
            }
            lineEnd = nl;
            pos = nl + 1;
            skipSpace();
            if (pos0 < lineEnd) {
                return true;
            }
        }
        return false;
    }

    /** Read position within the current line. */
    private int pos0;

    private void skipSpace() {
        pos0 = lineStart;
        while (pos0 < lineEnd && isSpace(b[pos0])) {
            pos0++;
        }
    }

    /** @return true when the current line holds exactly one token (the cursor stays at the line's start) */
    boolean singleToken() {
        int save = pos0;
        token();
        boolean one = atLineEnd();
        pos0 = save;
        return one;
    }

    /** @return true when only whitespace is left on the line */
    boolean atLineEnd() {
        while (pos0 < lineEnd && isSpace(b[pos0])) {
            pos0++;
        }
        return pos0 >= lineEnd;
    }

    /** Skips whitespace, then returns the start of the next token and moves past it; its end is {@link #tokenEnd}. */
    int token() {
        while (pos0 < lineEnd && isSpace(b[pos0])) {
            pos0++;
        }
        int start = pos0;
        while (pos0 < lineEnd && !isSpace(b[pos0])) {
            pos0++;
        }
        tokenEnd = pos0;
        return start;
    }

    /** End (exclusive) of the token {@link #token()} returned last. */
    int tokenEnd;

    /** @return the current line, for an error message */
    String line() {
        return new String(b, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8);
    }

    /** @return true if {@code [from, to)} equals the ASCII {@code word} */
    boolean equals(int from, int to, byte[] word) {
        if (to - from != word.length) {
            return false;
        }
        for (int i = 0; i < word.length; i++) {
            if (b[from + i] != word[i]) {
                return false;
            }
        }
        return true;
    }

    /** Parses {@code [from, to)} as {@link Numbers#parseLong(String, String)} does, saturating u64 overflow. */
    long parseLong(int from, int to) throws MalformedContentException {
        return parseLong(b, from, to, lineText);
    }

    /** This reader's current line, made only for an error message (one object per reader, not per number). */
    private final LineText lineText = this::line;

    interface LineText {
        String get();
    }

    static long parseLong(byte[] b, int from, int to, LineText line) throws MalformedContentException {
        int i = from;
        boolean negative = false;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        if (i >= to) {
            throw bad(b, from, to, line);
        }
        long v = 0;
        boolean overflow = false;
        for (; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                throw bad(b, from, to, line);
            }
            if (v > (Long.MAX_VALUE - d) / 10) {
                overflow = true;
            } else {
                v = v * 10 + d;
            }
        }
        if (overflow) {
            // As Numbers.parseLong: an all-digit u64 beyond Long.MAX_VALUE saturates; a signed overflow is an error.
            if (b[from] == '-' || b[from] == '+') {
                throw bad(b, from, to, line);
            }
            return Long.MAX_VALUE;
        }
        return negative ? -v : v;
    }

    private static MalformedContentException bad(byte[] b, int from, int to, LineText line) {
        return new MalformedContentException(line.get(), "expected an integer, got \""
                + new String(b, from, to - from, StandardCharsets.UTF_8) + "\"");
    }

    static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\r' || c == 0x0b || c == '\f';
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
