package dev.berth.tui;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Debian's OpenSSH server on 127.0.0.1 at a free port, for end-to-end tests: its own
 * {@code sshd_config}, host key and one client key, all made in a directory of the test's (never
 * the system's configuration or keys). Public-key login only, no PAM. {@link #close()} kills the
 * sshd this started, by its pid.
 */
final class SshServer implements AutoCloseable {
    static final Path SSHD = Path.of("/usr/sbin/sshd");

    final Path dir;
    final int port;
    final Path clientKey;
    private final Process sshd;
    private final StringBuffer log = new StringBuffer();

    private SshServer(Path dir, int port, Path clientKey, Process sshd) {
        this.dir = dir;
        this.port = port;
        this.clientKey = clientKey;
        this.sshd = sshd;
    }

    /** Whether sshd, ssh and ssh-keygen are installed. */
    static boolean available() {
        return Files.isExecutable(SSHD) && onPath("ssh") && onPath("ssh-keygen");
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Makes keys and a config under {@code dir}, starts sshd and waits until it listens. */
    static SshServer start(Path dir) throws IOException, InterruptedException {
        Path hostKey = dir.resolve("ssh_host_ed25519_key");
        Path clientKey = dir.resolve("id_ed25519");
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "berth-test-host", "-f", hostKey.toString());
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "berth-test-client", "-f", clientKey.toString());
        Path authorized = dir.resolve("authorized_keys");
        Files.copy(dir.resolve("id_ed25519.pub"), authorized);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path config = dir.resolve("sshd_config");
        Files.write(config, List.of(
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + hostKey,
                "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + authorized,
                // The temp directory's modes are the test framework's; the keys are still the test's own.
                "StrictModes no",
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                "PermitRootLogin prohibit-password",
                "AllowUsers " + System.getProperty("user.name"),
                "PrintMotd no",
                "PrintLastLog no"));
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        // sshd refuses to start without its privilege separation directory, which the Debian
        // package's service unit creates; creating it empty is what that unit does too.
        Files.createDirectories(Path.of("/run/sshd"));
        Process p = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true).start();
        SshServer server = new SshServer(dir, port, clientKey, p);
        CountDownLatch listening = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    server.log.append(line).append('\n');
                    if (line.contains("Server listening on 127.0.0.1 port " + port)) {
                        listening.countDown();
                    }
                }
            } catch (IOException e) {
                server.log.append("log reader: ").append(e).append('\n');
            }
        }, "sshd-log");
        reader.setDaemon(true);
        reader.start();
        if (!listening.await(10, TimeUnit.SECONDS)) {
            server.close();
            throw new IOException("sshd did not start listening on port " + port + "; its log:\n" + server.log);
        }
        return server;
    }

    /** The ssh client command line, with a pty forced ({@code -tt}), that runs {@code remote}. */
    List<String> ssh(String remote) {
        return List.of("ssh", "-tt", "-i", clientKey.toString(), "-p", String.valueOf(port),
                "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                "-o", "LogLevel=ERROR", System.getProperty("user.name") + "@127.0.0.1", remote);
    }

    /** What sshd logged (stderr, -e), for failure messages. */
    String log() {
        return log.toString();
    }

    @Override
    public void close() throws InterruptedException {
        // Only what this started: the listening sshd and, should a test have failed with a session
        // still open, that session's processes (its descendants).
        sshd.descendants().forEach(ProcessHandle::destroy);
        sshd.destroy();
        if (!sshd.waitFor(5, TimeUnit.SECONDS)) {
            sshd.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
    }
}
