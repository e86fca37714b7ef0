/**
 * What the console does to containers ({@link dev.berth.tui.action.ContainerActions}), behind a small
 * interface so the screens can be tested with a fake; the production implementation uses cgroupctl
 * and the runtime.
 */
package dev.berth.tui.action;
