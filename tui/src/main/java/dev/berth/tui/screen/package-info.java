/**
 * The console's screens: {@link dev.berth.tui.screen.ConsoleState} (what the user chose),
 * {@link dev.berth.tui.screen.ConsoleController} (input to state), layouts as data
 * ({@link dev.berth.tui.screen.MainLayout}, {@link dev.berth.tui.screen.TableLayout}) and
 * {@link dev.berth.tui.screen.ScreenRenderer} (state to cells). See {@code dev.berth.tui} for the diagram.
 */
package dev.berth.tui.screen;
