/**
 * Sampling for the console: the {@link dev.berth.tui.sample.SnapshotSource} interface, the sampler
 * thread, and the adapter from the collectors' models to the view-model.
 */
package dev.berth.tui.sample;
