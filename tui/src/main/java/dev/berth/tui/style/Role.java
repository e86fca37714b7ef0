package dev.berth.tui.style;

/** What a piece of text is, so a {@link Theme} can style it; renderers never pick colours themselves. */
public enum Role {
    NORMAL, LABEL, VALUE, DIM, BAR_LOW, BAR_MID, BAR_HIGH, BAR_BUFFERS, BAR_CACHE,
    TABLE_HEADER, TABLE_HEADER_SORTED, SELECTED, STATE_RUNNING, STATE_FROZEN, STATE_EXITED,
    STATUS_INFO, STATUS_ERROR, BANNER, KEY, OVERLAY, OVERLAY_TITLE, INPUT, INPUT_FOCUSED, INPUT_ERROR,
    GRAPH_CPU, GRAPH_MEM, GRAPH_IO, GRAPH_NET
}
