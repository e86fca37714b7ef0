package dev.berth.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.collectors.testing.FakeContainer;
import dev.berth.collectors.testing.FakeHost;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code berth serve} over a fixture tree: what a scrape returns, and its input errors. */
class ServeCommandTest {
    @TempDir
    Path dir;

    private FakeHost host() {
        FakeHost h = FakeHost.v2(dir);
        FakeContainer api = h.container("/berth/api").pids(109);
        api.quotaUsec = 50_000L;
        api.memoryLimit = 400L << 20;
        return h.write();
    }

    private CliRun serve(FakeHost h, String... args) {
        List<String> a = new java.util.ArrayList<>(List.of("--procfs", h.procfs().toString(), "--sysfs",
                h.sysfs().toString(), "serve"));
        a.addAll(List.of(args));
        return CliRun.of(a.toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9756", "localhost:0", "localhost:http", "[::1]", "::1:80"})
    void aMalformedListenAddressIsAUsageError(String listen) {
        CliRun r = serve(host(), "--listen", listen);
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.errLine().startsWith("berth serve: Invalid value for option '--listen': invalid listen address '"
                + listen + "': expected HOST:PORT, [IPv6]:PORT or :PORT with PORT 1..65535"), r.errLine());
    }

    @Test
    void aPortInUseIsOneLineAndExitOne() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun r = serve(host(), "--listen", "127.0.0.1:" + taken.getLocalPort());
            assertEquals(1, r.exit(), r.toString());
            assertEquals("berth serve: cannot listen on 127.0.0.1:" + taken.getLocalPort()
                    + ": address already in use", r.err().strip());
        }
    }

    @Test
    void aBadWebConfigIsOneLineAndExitOne() throws IOException {
        Path web = java.nio.file.Files.writeString(dir.resolve("web.yml"),
                "tls_server_config:\n  cert_file: none.crt\n  key_file: none.key\n");
        CliRun r = serve(host(), "--listen", "127.0.0.1:" + freePort(), "--web.config", web.toString());
        assertEquals(1, r.exit(), r.toString());
        assertEquals("berth serve: cannot read cert_file " + dir.resolve("none.crt") + ": no such file",
                r.err().strip());
    }

    @Test
    void aPrivilegedPortAsNonRootIsOneLineAndExitOne() {
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
                "running as root: binding a privileged port is allowed");
        CliRun r = serve(host(), "--listen", "127.0.0.1:1");
        assertEquals(1, r.exit(), r.toString());
        assertEquals("berth serve: cannot listen on 127.0.0.1:1: permission denied (ports below 1024 need root or "
                + "CAP_NET_BIND_SERVICE)", r.err().strip());
    }

    @Test
    void servesTheFixtureContainersUntilInterrupted() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        FakeHost h = host();
        AtomicReference<CliRun> result = new AtomicReference<>();
        Thread t = new Thread(() -> result.set(serve(h, "--listen", "127.0.0.1:" + port, "--interval", "0.2s")));
        t.start();
        try {
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build();
            String body = "";
            // Wait for the first sample to be published (the server answers before it, with berth_samples_total 0).
            for (int i = 0; i < 200 && !body.contains("container_spec_cpu_quota"); i++) {
                try {
                    body = client.send(req, HttpResponse.BodyHandlers.ofString()).body();
                } catch (IOException notYetListening) {
                    Thread.sleep(50);
                }
            }
            assertTrue(body.contains("container_spec_cpu_quota{id=\"/berth/api\",name=\"api\",runtime=\"berth\"} "
                    + "50000.0"), body);
            assertTrue(body.contains("container_spec_memory_limit_bytes{id=\"/berth/api\",name=\"api\","
                    + "runtime=\"berth\"} 4.194304E8"), body);
        } finally {
            t.interrupt();
            t.join();
        }
        assertEquals(0, result.get().exit(), result.get().toString());
        assertEquals("berth serve: serving http://127.0.0.1:" + port + "/metrics, sampling every 0.2s",
                result.get().err().strip());
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
