package dev.berth.tui.view;

import java.util.OptionalDouble;

/**
 * Network rates of one interface.
 *
 * @param iface interface name
 * @param rxBps receive rate. Units: bytes per second
 * @param txBps transmit rate. Units: bytes per second
 */
public record InterfaceRates(String iface, OptionalDouble rxBps, OptionalDouble txBps) {
}
