package dev.berth.runtime.launch;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One conversation with the C helper, from spawn to "the user's command is running" (see the
 * protocol at the top of berth-helper.c).
 *
 * <p>The helper talks over an AF_UNIX socket rather than its stdio because, in the foreground, its
 * stdio belongs to the user's terminal. Closing the session before {@link #release} makes the
 * helper's blocked child read EOF and exit, which is how every failed start unwinds.
 * Not thread-safe: one launching thread drives it.
 */
final class HelperSession implements AutoCloseable {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final Path socketPath;
    private final ServerSocketChannel server;
    private final Process process;
    private SocketChannel channel;
    private final ByteBuffer in = ByteBuffer.allocate(1024);
    private long childPid = -1;

    private HelperSession(Path socketPath, ServerSocketChannel server, Process process) {
        this.socketPath = socketPath;
        this.server = server;
        this.process = process;
    }

    /**
     * Spawns the helper with {@code io} applied to its stdio, sends {@code config} and waits for the
     * container process to exist (blocked, outside any cgroup). Returns with {@link #childPid()} set.
     */
    static HelperSession start(Path helper, Path socketPath, HelperConfig config, StdioPlan io)
            throws LaunchException {
        ServerSocketChannel server;
        try {
            Files.deleteIfExists(socketPath);
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socketPath));
        } catch (IOException e) {
            throw new LaunchException("cannot listen on " + socketPath + ": " + e.getMessage(), e);
        }
        Process process;
        try {
            ProcessBuilder pb = new ProcessBuilder(List.of(helper.toString(), socketPath.toString()));
            io.applyTo(pb);
            process = pb.start();
        } catch (IOException e) {
            closeQuietly(server, socketPath);
            throw new LaunchException("cannot start " + helper + ": " + e.getMessage(), e);
        }
        HelperSession s = new HelperSession(socketPath, server, process);
        try {
            s.accept();
            s.write(config.encode());
            String line = s.readLine();
            if (line == null) {
                throw new LaunchException(s.diedMessage());
            }
            if (line.startsWith("ERR ")) {
                throw new LaunchException(line.substring(4));
            }
            if (!line.startsWith("PID ")) {
                throw new LaunchException("unexpected reply from berth-helper: " + line);
            }
            s.childPid = Long.parseLong(line.substring(4).trim());
            return s;
        } catch (IOException | NumberFormatException | LaunchException e) {
            s.close();
            if (e instanceof LaunchException le) {
                throw le;
            }
            throw new LaunchException("berth-helper: " + e.getMessage(), e);
        }
    }

    /** The helper itself (the container's parent, in the host's namespaces). */
    Process process() {
        return process;
    }

    /** The container process, as the host sees it (blocked until {@link #release}). */
    long childPid() {
        return childPid;
    }

    /**
     * Lets the container process go on to set itself up and exec, and waits for the outcome:
     * returns when execve succeeded, throws with the helper's one-line reason otherwise.
     */
    void release() throws LaunchException {
        try {
            write("GO\n".getBytes(StandardCharsets.US_ASCII));
            String line = readLine();
            if (line == null) {
                throw new LaunchException(diedMessage());
            }
            if (line.startsWith("ERR ")) {
                throw new LaunchException(line.substring(4));
            }
            if (!line.equals("OK")) {
                throw new LaunchException("unexpected reply from berth-helper: " + line);
            }
        } catch (IOException e) {
            throw new LaunchException(diedMessage(), e);
        }
    }

    private void accept() throws IOException, LaunchException {
        server.configureBlocking(false);
        long deadline = System.nanoTime() + CONNECT_TIMEOUT.toNanos();
        try (Selector selector = Selector.open()) {
            server.register(selector, SelectionKey.OP_ACCEPT);
            while (channel == null) {
                // Wake up regularly to notice a helper that died before connecting.
                selector.select(50);
                channel = server.accept();
                if (channel == null && !process.isAlive()) {
                    throw new LaunchException(diedMessage());
                }
                if (channel == null && System.nanoTime() > deadline) {
                    throw new LaunchException("berth-helper did not connect within " + CONNECT_TIMEOUT.toSeconds() + " s");
                }
            }
        }
        channel.configureBlocking(true);
    }

    private String diedMessage() {
        try {
            // The helper closes the socket only by exiting; give the exit a moment to be reaped.
            if (process.waitFor(2, java.util.concurrent.TimeUnit.SECONDS)) {
                int code = process.exitValue();
                return code > 128 ? "berth-helper was killed by signal " + (code - 128) + " during start"
                        : "berth-helper exited with status " + code + " during start";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "berth-helper stopped answering during start";
    }

    private void write(byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }

    /** Reads one '\n'-terminated line; null on EOF. */
    private String readLine() throws IOException {
        java.io.ByteArrayOutputStream sb = new java.io.ByteArrayOutputStream();
        while (true) {
            in.flip();
            while (in.hasRemaining()) {
                byte c = in.get();
                if (c == '\n') {
                    in.compact();
                    return sb.toString(StandardCharsets.UTF_8);
                }
                sb.write(c);
            }
            in.clear();
            if (channel.read(in) < 0) {
                return null;
            }
        }
    }

    /** Closes the socket; before {@link #release} this aborts the start. Idempotent. */
    @Override
    public void close() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // closing a local socket: nothing useful to do with an error
        }
        closeQuietly(server, socketPath);
    }

    private static void closeQuietly(ServerSocketChannel server, Path socketPath) {
        try {
            server.close();
        } catch (IOException ignored) {
            // as above
        }
        try {
            Files.deleteIfExists(socketPath);
        } catch (IOException ignored) {
            // the state directory is removed or reused later; a stale socket file is harmless
        }
    }
}
