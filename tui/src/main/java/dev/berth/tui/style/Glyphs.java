package dev.berth.tui.style;

/**
 * The characters used for bars, graphs, boxes and the tree: a Unicode set and a plain-ASCII set
 * for terminals or locales that cannot draw Unicode (LANG=C, a serial console).
 *
 * @param barFill fill of a bar meter
 * @param sparks sparkline levels, lowest to highest (index 0 = empty)
 * @param horizontal box top/bottom edge
 * @param vertical box side
 * @param topLeft box corner
 * @param topRight box corner
 * @param bottomLeft box corner
 * @param bottomRight box corner
 * @param treeBranch tree: child with siblings after it
 * @param treeLast tree: last child
 * @param treePipe tree: ancestor with siblings after it
 * @param sortUp marker of an ascending sort column
 * @param sortDown marker of a descending sort column
 * @param ellipsis marks cut text
 * @param unicode whether this is the Unicode set
 */
public record Glyphs(char barFill, char[] sparks, char horizontal, char vertical, char topLeft, char topRight,
        char bottomLeft, char bottomRight, String treeBranch, String treeLast, String treePipe, char sortUp,
        char sortDown, char ellipsis, boolean unicode) {

    /** Unicode block elements and box drawing. */
    public static Glyphs unicodeSet() {
        return new Glyphs('|', new char[] {' ', '\u2581', '\u2582', '\u2583', '\u2584', '\u2585', '\u2586', '\u2587',
            '\u2588'}, '\u2500', '\u2502', '\u250c', '\u2510', '\u2514', '\u2518', "\u251c\u2500", "\u2514\u2500",
            "\u2502 ", '\u25b2', '\u25bc', '\u2026', true);
    }

    /** 7-bit ASCII only. */
    public static Glyphs asciiSet() {
        return new Glyphs('|', new char[] {' ', '.', '_', '-', '=', '+', '*', '#', '@'}, '-', '|', '+', '+', '+', '+',
            "|-", "`-", "| ", '^', 'v', '~', false);
    }

    /** The sparks array is copied: records do not protect arrays. */
    public Glyphs {
        sparks = sparks.clone();
    }

    @Override
    public char[] sparks() {
        return sparks.clone();
    }

    /** The spark for level {@code 0..1} (clamped). */
    public char spark(double level) {
        double l = Math.max(0, Math.min(1, level));
        int i = (int) Math.round(l * (sparks.length - 1));
        if (i == 0 && l > 0) {
            i = 1; // any non-zero value is visible
        }
        return sparks[i];
    }

    /**
     * Picks the set from the locale environment: Unicode when the first set of {@code LC_ALL},
     * {@code LC_CTYPE}, {@code LANG} names UTF-8 (the POSIX precedence), ASCII otherwise.
     *
     * @param env the environment (System.getenv() in production)
     */
    public static Glyphs forLocale(java.util.Map<String, String> env) {
        return localeIsUtf8(env) ? unicodeSet() : asciiSet();
    }

    /** Whether the locale environment selects a UTF-8 character set. */
    public static boolean localeIsUtf8(java.util.Map<String, String> env) {
        for (String k : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
            String v = env.get(k);
            if (v != null && !v.isEmpty()) {
                String u = v.toUpperCase(java.util.Locale.ROOT);
                return u.contains("UTF-8") || u.contains("UTF8");
            }
        }
        return false;
    }
}
