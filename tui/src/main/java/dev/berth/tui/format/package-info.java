/** Fixed-width formatting of numbers, shared by the console's screens. */
package dev.berth.tui.format;
