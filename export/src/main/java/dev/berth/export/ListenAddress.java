package dev.berth.export;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Where the exporter listens: {@code HOST:PORT}, {@code [IPv6]:PORT} or {@code :PORT} (every address).
 *
 * @param host the host name or literal address as given; empty for every address
 * @param port TCP port, 1..65535; 0 (any free port) only when built directly, for tests
 */
public record ListenAddress(String host, int port) {

    /** The default, {@code 127.0.0.1:9756}: loopback only, the port cAdvisor-style exporters do not use. */
    public static final ListenAddress DEFAULT = new ListenAddress("127.0.0.1", 9756);

    public ListenAddress {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("invalid port " + port + ": expected 1..65535");
        }
    }

    /**
     * Parses {@code HOST:PORT}, {@code [IPv6]:PORT} or {@code :PORT}. Only the form is checked here; whether the
     * host resolves is found out when binding.
     *
     * @throws IllegalArgumentException naming the text and the accepted forms
     */
    public static ListenAddress parse(String text) {
        String expected = "expected HOST:PORT, [IPv6]:PORT or :PORT with PORT 1..65535";
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("invalid listen address '" + printable(text) + "': " + expected);
        }
        String host = text.substring(0, colon);
        if (!host.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("invalid listen address '" + printable(text) + "': " + expected);
        }
        String portText = text.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
            if (host.isEmpty()) {
                throw new IllegalArgumentException("invalid listen address '" + printable(text) + "': " + expected);
            }
        } else if (host.contains(":") || host.contains("[") || host.contains("]")) {
            throw new IllegalArgumentException("invalid listen address '" + printable(text) + "': " + expected
                    + " (write an IPv6 address in brackets)");
        }
        if (portText.isEmpty() || portText.length() > 5 || !portText.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("invalid listen address '" + printable(text) + "': " + expected);
        }
        int port = Integer.parseInt(portText);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("invalid listen address '" + printable(text) + "': " + expected);
        }
        return new ListenAddress(host, port);
    }

    /**
     * Resolves the host (a name is looked up once, here).
     *
     * @throws UnknownHostException when the name does not resolve
     */
    public InetSocketAddress resolve() throws UnknownHostException {
        return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(InetAddress.getByName(host), port);
    }

    /** The address of a bound socket, as a literal address and port. */
    public static ListenAddress of(InetSocketAddress bound) {
        return new ListenAddress(bound.getAddress().getHostAddress(), bound.getPort());
    }

    /** {@code HOST:PORT} as it would be parsed back. */
    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** The text with control characters and non-ASCII shown as {@code ?}, for error messages. */
    private static String printable(String text) {
        StringBuilder b = new StringBuilder();
        text.codePoints().limit(80).forEach(c -> b.append(c >= 0x20 && c < 0x7f ? (char) c : '?'));
        return text.length() > 80 ? b + "..." : b.toString();
    }
}
