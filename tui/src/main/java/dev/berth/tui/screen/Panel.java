package dev.berth.tui.screen;

/** The optional host panels between the header and the table, toggled nmon-style. */
public enum Panel {
    /** One bar per logical CPU. */
    CPU,
    /** Memory and swap breakdown. */
    MEMORY,
    /** Per-disk read/write rates. */
    DISKS,
    /** Per-interface receive/transmit rates. */
    NETWORK,
    /** Processes by CPU. */
    TOP
}
