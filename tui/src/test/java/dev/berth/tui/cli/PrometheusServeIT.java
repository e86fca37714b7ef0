package dev.berth.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.IoStat;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code berth serve} scraped by a real Prometheus (Debian's {@code prometheus} package, on loopback, 1 s scrape
 * interval): a berth container burning a 0.5 CPU quota and holding 48 MiB in its {@code /dev/shm}; Prometheus's
 * HTTP API must see the quota in {@code rate(container_cpu_usage_seconds_total[5s])} (within 10 %), the memory in
 * {@code container_memory_working_set_bytes} (within 3 %), and the container's series in the queries dashboards
 * use most (dockprom's, with the {@code name=~".+"} filter). The queries' output is written to
 * {@code target/prometheus-dashboard-queries.txt}.
 *
 * <p>Needs root (berth run), {@code /usr/bin/prometheus}, busybox-static and the packaged jar; skips otherwise.
 * Everything it starts is stopped and removed afterwards, also on failure.
 */
@Tag("privileged")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrometheusServeIT {
    private static final double QUOTA_CPUS = 0.5;
    private static final long HOLD_BYTES = 48L << 20;
    /** What the container writes to and reads back from its data volume with direct IO. */
    private static final long DATA_MIB = 8;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "scrape-" + ProcessHandle.current().pid();

    private Path tmp;
    private Path stateDir;
    private String parent;
    private String name;
    private CgroupFs fs;
    private Process serve;
    private Process secureServe;
    private int securePort;
    private Process prometheus;
    private Path rootfs;
    private java.time.Instant created;
    private int promPort;
    private long expectedWorkingSet = HOLD_BYTES;
    private Path dataOutsideTmp;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        fs = LiveCgroup.hostCgroupFs();
        Path prom = Path.of("/usr/bin/prometheus");
        Assumptions.assumeTrue(Files.isExecutable(prom), "prometheus is not installed (Debian package prometheus)");
        Path busybox = Path.of("/bin/busybox");
        Assumptions.assumeTrue(Files.isExecutable(busybox), "busybox-static is not installed");
        Path repo = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
        Assumptions.assumeTrue(Files.isRegularFile(repo.resolve("tui/target/berth.jar")),
                "tui/target/berth.jar is not built (run through failsafe after package)");
        long pid = ProcessHandle.current().pid();
        tmp = Files.createTempDirectory("berth-prom-it");
        stateDir = tmp.resolve("state");
        parent = "/berth-test-prom-" + pid;
        name = "prom-" + pid % 100000;
        rootfs = tmp.resolve("rootfs");
        Files.createDirectories(rootfs.resolve("bin"));
        Files.copy(busybox, rootfs.resolve("bin/busybox"));
        for (String applet : exec(List.of(busybox.toString(), "--list")).split("\n")) {
            if (!applet.isBlank() && !applet.equals("busybox")) {
                Files.createSymbolicLink(rootfs.resolve("bin/" + applet), Path.of("busybox"));
            }
        }
        // On a tmpfs (/tmp is one on Debian 13, and in the fresh-machine chroot of README's check) the 8 MiB the
        // container writes stay in memory charged to it, O_DIRECT or not, and reach no disk: the data directory goes
        // beside the build output then, on the checkout's filesystem; where that is a tmpfs too, the file counts in the
        // working set expected.
        Path data = Files.createDirectories(tmp.resolve("data"));
        if (isTmpfs(data)) {
            Path besideBuild = Files.createTempDirectory(Files.createDirectories(
                    Path.of(System.getProperty("user.dir"), "target")), "berth-prom-data");
            if (isTmpfs(besideBuild)) {
                Files.delete(besideBuild);
                expectedWorkingSet = HOLD_BYTES + (DATA_MIB << 20);
            } else {
                dataOutsideTmp = besideBuild;
                data = besideBuild;
            }
        }
        // Direct IO so the writes and reads reach the disk inside the container's cgroup (buffered writeback is
        // charged to no cgroup on v1), then hold the memory and burn CPU under the quota until removed.
        // Whole seconds: some filesystems keep mtimes to the second.
        created = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        // The highest CPU weight, so that the burner gets its whole quota on a loaded machine (a CI runner with a
        // build beside it: 0.33-0.41 CPU measured at load 12 with the default weight): the quota is the figure checked.
        CliRun run = CliRun.of("run", "-d", "--name", name, "--cpus", Double.toString(QUOTA_CPUS),
                "--cpu-weight", "10000", "--memory", "256M",
                "--net", "veth", "--ip", "10.213.9.2/24", "-v", data + ":/data", "--rootfs", rootfs.toString(),
                "--state-dir", stateDir.toString(), "--cgroup-parent", parent, "--", "sh", "-c",
                "dd if=/dev/zero of=/data/f bs=1M count=" + DATA_MIB + " oflag=direct; dd if=/data/f of=/dev/null bs=1M iflag=direct;"
                + " dd if=/dev/zero of=/dev/shm/hold bs=1M count=" + (HOLD_BYTES >> 20) + "; while :; do :; done");
        assertEquals(0, run.exit(), run.toString());

        int servePort = freePort();
        ProcessBuilder serveCmd = new ProcessBuilder(repo.resolve("bin/berth").toString(), "--cgroup-parent", parent,
                "--state-dir", stateDir.toString(), "serve", "--listen", "127.0.0.1:" + servePort, "--interval", "1s")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("serve.log").toFile())
                .directory(tmp.toFile());
        // The launcher runs the same JDK as this test.
        serveCmd.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        serve = serveCmd.start();
        // A second serve with --web.config: TLS with a self-signed certificate for 127.0.0.1 and basic auth with a
        // bcrypt hash, scraped by its own job with Prometheus's own TLS and basic_auth settings.
        String secureJob = "";
        if (Files.isExecutable(Path.of("/usr/bin/openssl"))) {
            String made = exec(List.of("/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                    "-keyout", tmp.resolve("server.key").toString(), "-out", tmp.resolve("server.crt").toString(),
                    "-days", "2", "-subj", "/CN=berth-it", "-addext", "subjectAltName=IP:127.0.0.1"));
            assertTrue(Files.isRegularFile(tmp.resolve("server.crt")) && Files.isRegularFile(tmp.resolve("server.key")),
                    made);
            Files.writeString(tmp.resolve("web.yml"), "tls_server_config:\n  cert_file: server.crt\n"
                    + "  key_file: server.key\nbasic_auth_users:\n  prom: "
                    + org.springframework.security.crypto.bcrypt.BCrypt.hashpw(SECRET,
                            org.springframework.security.crypto.bcrypt.BCrypt.gensalt("$2y", 10)) + "\n");
            securePort = freePort();
            ProcessBuilder secureCmd = new ProcessBuilder(repo.resolve("bin/berth").toString(), "--cgroup-parent",
                    parent, "--state-dir", stateDir.toString(), "serve", "--listen", "127.0.0.1:" + securePort,
                    "--interval", "1s", "--web.config", tmp.resolve("web.yml").toString())
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("secure-serve.log").toFile())
                    .directory(tmp.toFile());
            secureCmd.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
            secureServe = secureCmd.start();
            secureJob = "  - job_name: berth-tls\n    scheme: https\n    tls_config:\n      ca_file: "
                    + tmp.resolve("server.crt") + "\n    basic_auth:\n      username: prom\n      password: " + SECRET
                    + "\n    static_configs:\n      - targets: ['127.0.0.1:" + securePort + "']\n"
                    // one series is enough to show the scrape works; the rest would double the sums by name below
                    + "    metric_relabel_configs:\n      - source_labels: [__name__]\n        regex: container_threads\n"
                    + "        action: keep\n";
        }
        promPort = freePort();
        Path config = tmp.resolve("prometheus.yml");
        Files.writeString(config, "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
                + "scrape_configs:\n  - job_name: berth\n    static_configs:\n"
                + "      - targets: ['127.0.0.1:" + servePort + "']\n" + secureJob);
        prometheus = new ProcessBuilder(prom.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + tmp.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + promPort)
                .redirectErrorStream(true).redirectOutput(tmp.resolve("prometheus.log").toFile()).start();
        waitReady();
    }

    @AfterAll
    void stop() throws Exception {
        for (Process p : new Process[] {prometheus, serve, secureServe}) {
            if (p != null) {
                p.destroy();
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                }
            }
        }
        if (name != null) {
            CliRun.of("rm", "-f", name, "--state-dir", stateDir.toString(), "--cgroup-parent", parent);
        }
        if (fs != null && parent != null && fs.cgroup(parent).exists()) {
            fs.cgroup(parent).killAll(Duration.ofSeconds(10));
            fs.remove(parent);
        }
        for (Path dir : new Path[] {dataOutsideTmp, tmp}) {
            if (dir == null) {
                continue;
            }
            try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Test
    void cpuRateIsTheQuotaAndWorkingSetIsWhatTheContainerHolds() throws Exception {
        String cpu = "rate(container_cpu_usage_seconds_total{name=\"" + name + "\"}[5s])";
        OptionalDouble rate = waitFor(cpu, v -> Math.abs(v - QUOTA_CPUS) <= 0.10 * QUOTA_CPUS);
        assertTrue(rate.isPresent(), cpu + " returned nothing");
        assertEquals(QUOTA_CPUS, rate.getAsDouble(), 0.10 * QUOTA_CPUS, cpu);
        String ws = "container_memory_working_set_bytes{name=\"" + name + "\"}";
        OptionalDouble held = waitFor(ws, v -> Math.abs(v - expectedWorkingSet) <= 0.03 * expectedWorkingSet);
        assertTrue(held.isPresent(), ws + " returned nothing");
        assertEquals(expectedWorkingSet, held.getAsDouble(), 0.03 * expectedWorkingSet, ws);
    }

    @Test
    void specValuesAndReadErrorsAreServed() throws Exception {
        String start = "container_start_time_seconds{name=\"" + name + "\"}";
        OptionalDouble t = waitFor(start, name, v -> true);
        assertTrue(t.isPresent(), start + " returned nothing");
        double now = System.currentTimeMillis() / 1e3;
        assertTrue(t.getAsDouble() >= created.getEpochSecond() && t.getAsDouble() <= now,
                start + " = " + t.getAsDouble() + ", expected the cgroup's creation, between "
                        + created.getEpochSecond() + " and " + now);
        String shares = "container_spec_cpu_shares{name=\"" + name + "\"}";
        OptionalDouble sh = waitFor(shares, name, v -> true);
        assertTrue(sh.isPresent() && sh.getAsDouble() >= 2 && sh.getAsDouble() <= 262_144, shares + " = " + sh);
        String failcnt = "container_memory_failcnt{name=\"" + name + "\"}";
        assertTrue(waitFor(failcnt, name, v -> v >= 0).isPresent(), failcnt + " returned nothing");
        OptionalDouble errors = waitFor("sum(berth_read_errors_total)", v -> v >= 0);
        assertTrue(errors.isPresent(), "berth_read_errors_total returned nothing");
    }

    @Test
    void berthsOwnContainerCarriesItsRootfsAsImageAndPlainCgroupsNone() throws Exception {
        // kube-prometheus's filter for "containers, not the other cgroups" is image!=""
        String withImage = "container_threads{name=\"" + name + "\",image=\"" + rootfs + "\"}";
        assertTrue(waitFor(withImage, name, v -> true).isPresent(), withImage + " returned nothing");
        String filtered = "count(container_threads{image!=\"\"})";
        OptionalDouble n = waitFor(filtered, v -> v >= 1);
        OptionalDouble all = waitFor("count(container_threads)", v -> v >= 1);
        assertTrue(n.isPresent() && all.isPresent() && n.getAsDouble() < all.getAsDouble(),
                filtered + " = " + n + " of " + all + ": the cgroups that are no container must have no image");
    }

    @Test
    void prometheusScrapesServeOverTlsWithBasicAuth() throws Exception {
        Assumptions.assumeTrue(secureServe != null, "openssl is not installed: no certificate for the TLS job");
        String up = "up{job=\"berth-tls\"}";
        OptionalDouble v = waitFor(up, v1 -> v1 == 1);
        assertTrue(v.isPresent() && v.getAsDouble() == 1, up + " = " + v + "; serve's log: "
                + Files.readString(tmp.resolve("secure-serve.log")));
        String threads = "container_threads{job=\"berth-tls\",name=\"" + name + "\"}";
        assertTrue(waitFor(threads, name, x -> x >= 1).isPresent(), threads + " returned nothing");
        // and without the password, the same endpoint refuses
        HttpResponse<String> r = HttpClient.newBuilder().sslContext(trusting(tmp.resolve("server.crt"))).build()
                .send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + securePort + "/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(401, r.statusCode());
    }

    private static javax.net.ssl.SSLContext trusting(Path cert) throws Exception {
        java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (java.io.InputStream in = Files.newInputStream(cert)) {
            trust.setCertificateEntry("it", java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(in));
        }
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    @Test
    void dashboardQueriesReturnTheContainersSeries() throws Exception {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("cpu by name", "sum(rate(container_cpu_usage_seconds_total{name=~\".+\"}[5s])) by (name)");
        queries.put("working set", "sum(container_memory_working_set_bytes{name=~\".+\"}) by (name)");
        queries.put("network rx", "sum(rate(container_network_receive_bytes_total{name=~\".+\"}[5s])) by (name)");
        queries.put("network tx", "sum(rate(container_network_transmit_bytes_total{name=~\".+\"}[5s])) by (name)");
        queries.put("fs reads", "sum(rate(container_fs_reads_bytes_total{name=~\".+\"}[5s])) by (name)");
        queries.put("fs writes", "sum(rate(container_fs_writes_bytes_total{name=~\".+\"}[5s])) by (name)");
        boolean ioAccounted = !fs.cgroup(parent + "/" + name).readIoStat().devices().isEmpty();
        StringBuilder report = new StringBuilder();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, String> q : queries.entrySet()) {
            boolean fsQuery = q.getKey().startsWith("fs");
            OptionalDouble v = fsQuery && !ioAccounted ? valueOf(query(q.getValue()), name)
                    : waitFor(q.getValue(), name, x -> true);
            report.append("# ").append(q.getKey()).append(": ").append(q.getValue()).append('\n')
                    .append(rawQuery(q.getValue(), name)).append('\n');
            if (v.isEmpty() && !(fsQuery && !ioAccounted)) {
                missing.add(q.getKey());
            }
        }
        // the counters under the rates: the container's IO and traffic happen at its start, so by the time a rate
        // over 5 s is asked for, it is often 0; the totals show what was counted
        for (String counter : List.of("container_network_receive_bytes_total", "container_network_transmit_bytes_total",
                "container_fs_reads_bytes_total", "container_fs_writes_bytes_total")) {
            String total = "sum(" + counter + "{name=\"" + name + "\"}) by (name)";
            report.append("# total: ").append(total).append('\n').append(rawQuery(total, name)).append('\n');
        }
        Path out = Path.of(System.getProperty("user.dir"), "target", "prometheus-dashboard-queries.txt");
        Files.writeString(out, report.toString());
        System.out.print(report);
        assertEquals(List.of(), missing, "queries without the container's series:\n" + report);
        Assumptions.assumeTrue(ioAccounted, "this kernel charged none of the container's direct IO to its cgroup "
                + "(" + IoStat.class.getSimpleName() + " empty), so the fs queries cannot show it; the other "
                + "queries passed");
    }

    private static boolean isTmpfs(Path dir) throws java.io.IOException {
        return Files.getFileStore(dir).type().equals("tmpfs");
    }

    // --- Prometheus HTTP API

    private JsonNode query(String promql) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + promPort
                + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), promql + ": " + r.body());
        return JSON.readTree(r.body()).path("data").path("result");
    }

    /** The value of the series of {@code who} (label {@code name}) in the result, if any. */
    private OptionalDouble valueOf(JsonNode result, String who) {
        for (JsonNode series : result) {
            if (series.path("metric").path("name").asText("").equals(who) || who == null) {
                return OptionalDouble.of(Double.parseDouble(series.path("value").get(1).asText()));
            }
        }
        return OptionalDouble.empty();
    }

    private String rawQuery(String promql, String who) throws IOException, InterruptedException {
        for (JsonNode series : query(promql)) {
            if (series.path("metric").path("name").asText("").equals(who)) {
                return series.toString();
            }
        }
        return "(no series for " + who + ")";
    }

    private OptionalDouble waitFor(String promql, java.util.function.DoublePredicate good) throws Exception {
        return waitFor(promql, null, good);
    }

    /**
     * Queries until the value is good or 60 s have passed (Prometheus needs a few scrapes for a rate, and the
     * container a moment to fill its memory); returns the last value seen.
     */
    private OptionalDouble waitFor(String promql, String who, java.util.function.DoublePredicate good)
            throws Exception {
        OptionalDouble last = OptionalDouble.empty();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            last = valueOf(query(promql), who);
            if (last.isPresent() && good.test(last.getAsDouble())) {
                return last;
            }
            Thread.sleep(500);
        }
        return last;
    }

    private void waitReady() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + promPort + "/-/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            assertTrue(prometheus.isAlive(), "prometheus exited: " + Files.readString(tmp.resolve("prometheus.log")));
            Thread.sleep(200);
        }
        throw new AssertionError("prometheus not ready after 60 s: " + Files.readString(tmp.resolve("prometheus.log")));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String exec(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
