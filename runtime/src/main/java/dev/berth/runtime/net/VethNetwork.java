package dev.berth.runtime.net;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * veth pairs for {@code --net veth}, made with iproute2's {@code ip} (and {@code nsenter} to reach
 * into the container's namespace) rather than hand-written netlink: iproute2 is on every host
 * berth targets, and its error messages are the ones operators know.
 *
 * <p>The container end is created directly inside the container's network namespace, so it never
 * shows on the host. When that namespace goes away (the container exits), the kernel deletes the
 * pair; {@link #delete} is for unwinding a failed start, before that happens.
 */
public final class VethNetwork {
    /** Linux interface names are at most IFNAMSIZ - 1 = 15 bytes. */
    static final int IFNAME_MAX = 15;

    private final String ipCommand;
    private final String nsenterCommand;

    /** Uses {@code ip} and {@code nsenter} from PATH. */
    public VethNetwork() {
        this("ip", "nsenter");
    }

    VethNetwork(String ipCommand, String nsenterCommand) {
        this.ipCommand = ipCommand;
        this.nsenterCommand = nsenterCommand;
    }

    /**
     * The host-side interface name for a container: the name itself when it fits in 15 bytes,
     * otherwise its first 10 characters, "-" and 4 hex digits of its hash, so that two long names
     * with the same prefix still get different interfaces.
     */
    public static String hostInterfaceName(String containerName) {
        if (containerName.length() <= IFNAME_MAX) {
            return containerName;
        }
        byte[] b = containerName.getBytes(StandardCharsets.UTF_8);
        int h = java.util.Arrays.hashCode(b);
        return containerName.substring(0, 10) + "-" + HexFormat.of().toHexDigits((short) h);
    }

    /**
     * Creates the pair: {@code hostName} up on the host (no address), {@code eth0} inside the
     * network namespace of {@code pid}, up, with {@code address} when given.
     *
     * @throws IOException with ip's own message when a step fails; nothing is left behind then
     */
    public void create(String hostName, long pid, Optional<IpPrefix> address) throws IOException {
        run(List.of(ipCommand, "link", "add", hostName, "type", "veth", "peer", "name", "eth0", "netns",
                Long.toString(pid)));
        try {
            run(List.of(ipCommand, "link", "set", hostName, "up"));
            Path netns = Path.of("/proc", Long.toString(pid), "ns", "net");
            String inside = address.map(a -> "addr add " + a + " dev eth0\n").orElse("") + "link set eth0 up\n";
            run(List.of(nsenterCommand, "--net=" + netns, ipCommand, "-batch", "-"), inside);
        } catch (IOException e) {
            delete(hostName);
            throw e;
        }
    }

    /** Deletes the pair by its host end; a pair that is already gone is not an error. */
    public void delete(String hostName) {
        try {
            run(List.of(ipCommand, "link", "del", hostName));
        } catch (IOException ignored) {
            // "Cannot find device": the namespace died and took the pair with it
        }
    }

    /** Whether an interface of that name exists on the host (reads /sys/class/net). */
    public static boolean exists(String name) {
        return java.nio.file.Files.exists(Path.of("/sys/class/net", name));
    }

    private static void run(List<String> command) throws IOException {
        run(command, null);
    }

    private static void run(List<String> command, String stdin) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + ": timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(String.join(" ", command) + ": interrupted", e);
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + ": " + (out.isEmpty() ? "exit status " + p.exitValue()
                    : out.lines().findFirst().orElse(out)));
        }
    }
}
