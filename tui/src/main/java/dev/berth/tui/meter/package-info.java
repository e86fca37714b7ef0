/**
 * Meters: {@link dev.berth.tui.meter.Meters} computes immutable values ({@link dev.berth.tui.meter.BarMeter})
 * from the model, and renderers ({@link dev.berth.tui.meter.BarRenderer}, {@link dev.berth.tui.meter.BlockGraph})
 * draw them; the split of htop's {@code updateValues} and {@code MeterMode}.
 */
package dev.berth.tui.meter;
