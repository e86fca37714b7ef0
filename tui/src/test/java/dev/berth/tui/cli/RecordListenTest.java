package dev.berth.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.collectors.testing.FakeHost;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code berth record --listen}: the same bad-input rules as {@code berth serve --listen}, checked before the store is
 * touched. Serving what it records is {@link RecordListenIT} (it needs the daemon's SIGTERM path).
 */
class RecordListenTest {
    @TempDir
    Path dir;

    private CliRun record(String... args) {
        FakeHost h = FakeHost.v2(dir.resolve("host"));
        h.container("/berth/api").pids(109);
        h.write();
        List<String> a = new ArrayList<>(List.of("--procfs", h.procfs().toString(), "--sysfs", h.sysfs().toString(),
                "record", "--store", store().toString(), "--interval", "100ms"));
        a.addAll(List.of(args));
        return CliRun.of(a.toArray(String[]::new));
    }

    private Path store() {
        return dir.resolve("store");
    }

    @ParameterizedTest
    @ValueSource(strings = {"9756", "localhost:0", "localhost:http", "[::1]", "::1:80"})
    void aMalformedListenAddressIsAUsageError(String listen) {
        CliRun r = record("--listen", listen);
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.errLine().startsWith("berth record: Invalid value for option '--listen': invalid listen address '"
                + listen + "': expected HOST:PORT, [IPv6]:PORT or :PORT with PORT 1..65535"), r.errLine());
        assertFalse(Files.exists(store()), "nothing half-applied");
    }

    @Test
    void aWebConfigWithoutListenIsAUsageErrorAndABadOneIsOneLineAndTheStoreIsNotTouched() throws IOException {
        Path web = java.nio.file.Files.writeString(dir.resolve("web.yml"), "basic_auth_users:\n  alice: secret\n");
        CliRun r = record("--web.config", web.toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.errLine().startsWith("berth record: --web.config needs --listen"), r.errLine());
        r = record("--listen", "127.0.0.1:" + freePort(), "--web.config", web.toString());
        assertEquals(1, r.exit(), r.toString());
        assertEquals("berth record: web config " + web + ": basic_auth_users.alice is not a bcrypt hash (expected "
                + "$2y$, $2b$ or $2a$, a cost and 53 characters, as htpasswd -nBC 10 USER writes it)", r.err().strip());
        assertFalse(Files.exists(store()), "nothing half-applied");
    }

    @Test
    void aPortInUseIsOneLineAndExitOneAndTheStoreIsNotTouched() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun r = record("--listen", "127.0.0.1:" + taken.getLocalPort());
            assertEquals(1, r.exit(), r.toString());
            assertEquals("berth record: cannot listen on 127.0.0.1:" + taken.getLocalPort()
                    + ": address already in use", r.err().strip());
            assertFalse(Files.exists(store()), "nothing half-applied");
        }
    }

    @Test
    void aPrivilegedPortAsNonRootIsOneLineAndExitOne() {
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
                "running as root: binding a privileged port is allowed");
        CliRun r = record("--listen", "127.0.0.1:1");
        assertEquals(1, r.exit(), r.toString());
        assertEquals("berth record: cannot listen on 127.0.0.1:1: permission denied (ports below 1024 need root or "
                + "CAP_NET_BIND_SERVICE)", r.err().strip());
    }

    @Test
    void anUnknownHostIsOneLineAndExitOne() {
        CliRun r = record("--listen", "no-such-host.invalid:9756");
        assertEquals(1, r.exit(), r.toString());
        assertEquals("berth record: cannot listen on no-such-host.invalid:9756: unknown host 'no-such-host.invalid'",
                r.err().strip());
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
