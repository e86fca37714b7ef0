package dev.berth.tui.view;

import java.util.OptionalDouble;

/**
 * Block IO rates of one device (host disk, or one device of a container).
 *
 * @param device device name ({@code sda}) or {@code MAJ:MIN} when no name is known
 * @param readBps read rate. Units: bytes per second
 * @param writeBps write rate. Units: bytes per second
 */
public record DeviceRates(String device, OptionalDouble readBps, OptionalDouble writeBps) {
}
