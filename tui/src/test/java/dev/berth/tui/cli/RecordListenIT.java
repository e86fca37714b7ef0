package dev.berth.tui.cli;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code berth record --listen} as a daemon (bin/berth over a fixture tree): it records and serves the same
 * samples, and SIGTERM stops both. Runs after package, against the packaged jar.
 */
class RecordListenIT {
    private static final Pattern SAMPLES = Pattern.compile("(?m)^berth_samples_total (\\S+)$");
    private static final Pattern STOPPED = Pattern.compile("stopped after (\\d+) samples");

    @TempDir
    Path tmp;

    @Test
    void oneDaemonRecordsAndServesTheSameSamples() throws Exception {
        Path repo = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
        Assumptions.assumeTrue(Files.isRegularFile(repo.resolve("tui/target/berth.jar")),
                "tui/target/berth.jar is not built (run through failsafe after package)");
        FakeHost host = FakeHost.v2(tmp.resolve("host"));
        FakeContainer api = host.container("/berth/api").pids(109);
        api.quotaUsec = 50_000L;
        host.write();
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Path log = tmp.resolve("record.log");
        ProcessBuilder pb = new ProcessBuilder(repo.resolve("bin/berth").toString(), "--procfs",
                host.procfs().toString(), "--sysfs", host.sysfs().toString(), "record", "--store",
                tmp.resolve("store").toString(), "--interval", "200ms", "--listen", "127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile()).directory(tmp.toFile());
        pb.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process record = pb.start();
        String body = "";
        try {
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            // Until the first recorded sample is served (the server answers before it, with berth_samples_total 0).
            while (!body.contains("container_spec_cpu_quota") && record.isAlive() && System.nanoTime() < deadline) {
                try {
                    body = client.send(req, HttpResponse.BodyHandlers.ofString()).body();
                } catch (IOException notYetListening) {
                    Thread.sleep(100);
                }
            }
        } finally {
            record.destroy();
            if (!record.waitFor(30, TimeUnit.SECONDS)) {
                record.destroyForcibly().waitFor();
            }
        }
        String out = Files.readString(log);
        assertTrue(body.contains("container_spec_cpu_quota{id=\"/berth/api\",name=\"api\",runtime=\"berth\"} 50000.0"),
                body + "\n" + out);
        assertTrue(out.contains("berth record: serving http://127.0.0.1:" + port + "/metrics"), out);
        Matcher served = SAMPLES.matcher(body);
        Matcher stored = STOPPED.matcher(out);
        assertTrue(served.find(), body);
        assertTrue(stored.find(), "SIGTERM stops the recorder between ticks: " + out);
        // Each sample is served before it is stored, and stopping ends the loop between ticks: every sample a
        // scrape saw was stored, and the recorder took no sample of its own for the endpoint.
        double scraped = Double.parseDouble(served.group(1));
        long frames = Long.parseLong(stored.group(1));
        assertTrue(scraped >= 1 && scraped <= frames, "scraped " + scraped + ", stored " + frames);
    }
}
