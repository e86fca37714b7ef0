/**
 * Text shared by the CLI and the console: dstat-style units ({@link dev.berth.collectors.format.Units}), the
 * {@code berth ps} table and the {@code berth stat} lines. Depends on the model only.
 */
package dev.berth.collectors.format;
