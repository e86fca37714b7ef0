package dev.berth.runtime.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * An interface address with its prefix length, as {@code ip addr add} takes it: {@code 10.0.0.2/24}
 * or {@code fd00::2/64}.
 */
public record IpPrefix(InetAddress address, int prefixLength) {
    private static final Pattern V4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern V6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /** Validates the prefix length against the address family. */
    public IpPrefix {
        int max = address instanceof Inet4Address ? 32 : 128;
        if (prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException("invalid prefix length " + prefixLength + ": expected 0.." + max);
        }
    }

    /**
     * Parses {@code ADDR/PREFIX}. Only literals are accepted (never a host name: that would be a DNS
     * lookup in the middle of a container start).
     */
    public static IpPrefix parse(String s) {
        String expected = "expected ADDR/PREFIX such as 10.0.0.2/24 or fd00::2/64";
        int slash = s.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("invalid address \"" + s + "\": " + expected);
        }
        String addr = s.substring(0, slash);
        String len = s.substring(slash + 1);
        if (!(V4.matcher(addr).matches() || V6.matcher(addr).matches()) || !len.matches("\\d{1,3}")) {
            throw new IllegalArgumentException("invalid address \"" + s + "\": " + expected);
        }
        if (V4.matcher(addr).matches()) {
            for (String octet : addr.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    throw new IllegalArgumentException("invalid address \"" + s + "\": octet " + octet + " is above 255");
                }
            }
        }
        try {
            InetAddress a = InetAddress.getByName(addr); // a literal: no lookup happens
            return new IpPrefix(a, Integer.parseInt(len));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("invalid address \"" + s + "\": " + expected, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid address \"" + s + "\": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return address.getHostAddress() + "/" + prefixLength;
    }
}
