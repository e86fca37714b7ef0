package dev.berth.collectors.format;

/**
 * Makes text that came from outside berth (a container or cgroup name, a user's argument, a path)
 * safe to print on a terminal. A name is chosen by whoever started the container or created the
 * cgroup, and an argument by whoever typed it: printed raw, {@code ESC [ 2 J} clears the screen,
 * {@code ESC ] 52} writes the clipboard of some terminals, and a newline forges a second message
 * line. Every message that repeats such text and every console cell goes through this class.
 *
 * <p>What is escaped: the C0 and C1 control characters and DEL ({@link Character#isISOControl}),
 * and Unicode format characters (bidirectional overrides such as U+202E, zero-width joiners), which
 * reorder or hide what the reader sees. Backslashes are left alone: systemd unit names use them
 * ({@code dev-disk-by\x2duuid.device}) and escaping them would make those unreadable.
 *
 * <p>Stateless and thread-safe.
 */
public final class Printable {
    /** What a console cell shows in place of a character that must not reach the terminal. */
    public static final char CELL_REPLACEMENT = '?';

    private Printable() {
    }

    /**
     * {@code text} with each unsafe character written as an escape: {@code \n}, {@code \r},
     * {@code \t}, {@code \e} for those four, {@code \xHH} for other characters below U+0100 and
     * {@code &#92;u{HHHH}} above. Safe text is returned unchanged (the same instance).
     */
    public static String escape(String text) {
        if (text == null || isSafe(text)) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(c -> {
            if (!unsafe(c)) {
                b.appendCodePoint(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c == 0x1b) {
                b.append("\\e");
            } else if (c < 0x100) {
                b.append(String.format("\\x%02x", c));
            } else {
                b.append(String.format("\\u{%04x}", c));
            }
        });
        return b.toString();
    }

    /**
     * {@code text} with each unsafe character replaced by {@link #CELL_REPLACEMENT}, one cell for
     * one character, so that column widths computed from the text stay right. For the console.
     */
    public static String cell(String text) {
        if (text == null || isSafe(text)) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            b.append(unsafe(c) ? CELL_REPLACEMENT : c);
        }
        return b.toString();
    }

    /** Whether {@code text} has nothing {@link #escape} would change. */
    public static boolean isSafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (unsafe(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean unsafe(int c) {
        return Character.isISOControl(c) || Character.getType(c) == Character.FORMAT;
    }
}
