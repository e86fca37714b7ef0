/** Colours ({@link dev.berth.tui.style.Theme}) and characters ({@link dev.berth.tui.style.Glyphs}) of the console. */
package dev.berth.tui.style;
