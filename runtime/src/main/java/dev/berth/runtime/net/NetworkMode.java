package dev.berth.runtime.net;

import java.util.Locale;

/** A container's network, as {@code --net} names it. */
public enum NetworkMode {
    /** Its own network namespace with only loopback, up (the default). */
    NONE,
    /** The host's network namespace. */
    HOST,
    /** Its own namespace with {@code eth0}, one end of a veth pair whose host end is named after the container. */
    VETH;

    /** Parses {@code none}, {@code host} or {@code veth}; the message names the value and the accepted ones. */
    public static NetworkMode parse(String s) {
        for (NetworkMode m : values()) {
            if (m.name().toLowerCase(Locale.ROOT).equals(s)) {
                return m;
            }
        }
        throw new IllegalArgumentException("invalid network \"" + s + "\": expected none, host or veth");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
