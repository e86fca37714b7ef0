package dev.berth.tui.keys;

/** What a handler asks the UI loop to do next; handlers never draw themselves. */
public enum Result {
    /** Nothing to do: the key was not for this handler. */
    IGNORED,
    /** State changed: draw the next frame. */
    REDRAW,
    /** Repaint every cell (the terminal may have been garbled). */
    REPAINT,
    /** Leave the console. */
    QUIT
}
