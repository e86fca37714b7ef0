package dev.berth.tui.style;

import java.util.List;

/**
 * A piece of text in one {@link Role}; a list of spans is one styled line.
 *
 * @param text the text
 * @param role its style
 */
public record Span(String text, Role role) {
    /** Total length of a line of spans. */
    public static int length(List<Span> line) {
        int n = 0;
        for (Span s : line) {
            n += s.text().length();
        }
        return n;
    }
}
