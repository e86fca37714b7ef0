/**
 * The console's view-model: immutable records of what one frame shows. Built from the collectors'
 * models by an adapter ({@code dev.berth.tui.sample}) and from fakes in tests, so that rendering
 * never depends on sampling.
 */
package dev.berth.tui.view;
