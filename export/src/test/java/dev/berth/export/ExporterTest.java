package dev.berth.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.berth.collectors.ContainerSample;
import org.junit.jupiter.api.Test;

class ExporterTest {
    private static final String FULL = "{id=\"/berth/web\",name=\"web\",runtime=\"berth\"}";

    /** Scrapes {@code /metrics} and returns sample lines as "name{labels}" to value, in order. */
    static Map<String, Double> scrape(Exporter e) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + e.address().getPort() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        Map<String, Double> out = new LinkedHashMap<>();
        for (String line : r.body().split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            out.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return out;
    }

    /** The scrape key of a series of container web: client_java writes label names in sorted order. */
    private static String web(String metric, String... extra) {
        java.util.TreeMap<String, String> l = new java.util.TreeMap<>(Map.of("id", "/berth/web", "name", "web",
                "runtime", "berth"));
        for (int i = 0; i < extra.length; i += 2) {
            l.put(extra[i], extra[i + 1]);
        }
        StringBuilder b = new StringBuilder(metric).append('{');
        l.forEach((k, v) -> b.append(k).append("=\"").append(v).append("\","));
        return b.deleteCharAt(b.length() - 1).append('}').toString();
    }

    private static Exporter start() throws ExportException {
        return Exporter.start(new ListenAddress("127.0.0.1", 0));
    }

    @Test
    void servesCadvisorNamesFromThePublishedSample() throws Exception {
        try (Exporter e = start()) {
            e.publish(new ExportSample(Samples.AT, Duration.ofMillis(20), List.of(Samples.full("web")),
                    Optional.empty(), 0, Optional.empty()));
            Map<String, Double> m = scrape(e);
            assertEquals(1.5, m.get("container_cpu_usage_seconds_total" + FULL));
            assertEquals(1.0, m.get("container_cpu_user_seconds_total" + FULL));
            assertEquals(0.5, m.get("container_cpu_system_seconds_total" + FULL));
            assertEquals(30.0, m.get("container_cpu_cfs_periods_total" + FULL));
            assertEquals(7.0, m.get("container_cpu_cfs_throttled_periods_total" + FULL));
            assertEquals(0.25, m.get("container_cpu_cfs_throttled_seconds_total" + FULL));
            assertEquals(50_000.0, m.get("container_spec_cpu_quota" + FULL));
            assertEquals(100_000.0, m.get("container_spec_cpu_period" + FULL));
            assertEquals(0.5, m.get("berth_container_cpu_limit_cpus" + FULL));
            assertEquals((double) (200L << 20), m.get("container_memory_usage_bytes" + FULL));
            assertEquals((double) (160L << 20), m.get("container_memory_working_set_bytes" + FULL));
            assertEquals((double) (150L << 20), m.get("container_memory_rss" + FULL));
            assertEquals((double) (50L << 20), m.get("container_memory_cache" + FULL));
            assertEquals(0.0, m.get("container_memory_swap" + FULL), "a swap reading of 0 is served as 0");
            assertEquals(2.0, m.get("container_oom_events_total" + FULL));
            assertEquals((double) (512L << 20), m.get("container_spec_memory_limit_bytes" + FULL));
            assertEquals(5.0, m.get("container_threads" + FULL));
            assertEquals(4096.0, m.get(web("container_fs_reads_bytes_total", "device", "/dev/sda")));
            assertEquals(8192.0, m.get(web("container_fs_writes_bytes_total", "device", "/dev/sda")));
            assertEquals(1.0, m.get(web("container_fs_reads_total", "device", "/dev/sda")));
            assertEquals(2.0, m.get(web("container_fs_writes_total", "device", "/dev/sda")));
            assertEquals(10.0, m.get(web("container_fs_reads_bytes_total", "device", "/dev/dm-0")));
            assertEquals(1000.0, m.get(web("container_network_receive_bytes_total", "interface", "eth0")));
            assertEquals(2000.0, m.get(web("container_network_transmit_bytes_total", "interface", "eth0")));
            assertEquals(10.0, m.get(web("container_network_receive_packets_total", "interface", "eth0")));
            assertEquals(20.0, m.get(web("container_network_transmit_packets_total", "interface", "eth0")));
            assertFalse(m.keySet().stream().anyMatch(k -> k.contains("interface=\"lo\"")), "lo is left out");
            assertEquals(2.0, m.get("container_pressure_cpu_waiting_seconds_total" + FULL));
            assertEquals(0.5, m.get("container_pressure_cpu_stalled_seconds_total" + FULL));
            assertEquals(0.125, m.get(web("berth_container_pressure_ratio",
                    "resource", "cpu", "kind", "some", "window", "10s")));
            assertEquals(1.0, m.get("berth_container_frozen" + FULL));
            assertEquals(Samples.AT.getEpochSecond(), m.get("container_last_seen" + FULL));
            assertEquals(0.02, m.get("berth_sample_duration_seconds"));
            assertEquals(1.0, m.get("berth_cgroups_sampled"));
            assertEquals(1.0, m.get("berth_samples_total"));
        }
    }

    @Test
    void servesTheSpecValuesWithCadvisorsNamesAndSemantics() throws Exception {
        try (Exporter e = start()) {
            e.publish(new ExportSample(Samples.AT, Duration.ofMillis(20), List.of(Samples.full("web")),
                    Optional.empty(), 0, Optional.empty()));
            Map<String, Double> m = scrape(e);
            assertEquals(4.0, m.get("container_memory_failcnt" + FULL), "v2: memory.events max");
            // cAdvisor maps weight 100 back with 2 + (w - 1) * 262142 / 9999, not the kernel's 1024.
            assertEquals(2597.0, m.get("container_spec_cpu_shares" + FULL));
            assertEquals((double) (64L << 20), m.get("container_spec_memory_swap_limit_bytes" + FULL),
                    "v2: memory.swap.max alone");
            assertEquals(Samples.CREATED.toEpochMilli() / 1e3, m.get("container_start_time_seconds" + FULL));
            assertEquals((double) (256L << 20), m.get("berth_container_memory_high_bytes" + FULL));
        }
    }

    @Test
    void onV1SharesAreAsWrittenAndTheSwapLimitIsMemoryPlusSwap() throws Exception {
        ContainerSample.Spec v1 = new ContainerSample.Spec(
                Optional.of(new dev.berth.cgroupctl.CpuWeight(50, java.util.OptionalLong.of(512))),
                Optional.of(dev.berth.cgroupctl.Limit.UNLIMITED), Optional.of(dev.berth.cgroupctl.Limit.of(64L << 20)),
                Optional.of(dev.berth.cgroupctl.Limit.of(576L << 20)), java.util.OptionalLong.of(3), Optional.empty());
        try (Exporter e = start()) {
            e.publish(new ExportSample(Samples.AT, Duration.ofMillis(20),
                    List.of(Samples.withSpec(Samples.full("web"), v1)), Optional.empty(), 0, Optional.empty()));
            Map<String, Double> m = scrape(e);
            assertEquals(3.0, m.get("container_memory_failcnt" + FULL));
            assertEquals(512.0, m.get("container_spec_cpu_shares" + FULL));
            assertEquals((double) (576L << 20), m.get("container_spec_memory_swap_limit_bytes" + FULL));
            assertFalse(m.containsKey("berth_container_memory_high_bytes" + FULL), "v1 has no memory.high");
            assertFalse(m.containsKey("container_start_time_seconds" + FULL), "not read");
        }
    }

    @Test
    void unlimitedSwapAndHighAreAbsent() throws Exception {
        ContainerSample.Spec unlimited = new ContainerSample.Spec(Optional.empty(),
                Optional.of(dev.berth.cgroupctl.Limit.UNLIMITED), Optional.of(dev.berth.cgroupctl.Limit.UNLIMITED),
                Optional.empty(), java.util.OptionalLong.empty(), Optional.empty());
        try (Exporter e = start()) {
            e.publish(new ExportSample(Samples.AT, Duration.ofMillis(20),
                    List.of(Samples.withSpec(Samples.full("web"), unlimited)), Optional.empty(), 0, Optional.empty()));
            Map<String, Double> m = scrape(e);
            for (String name : List.of("container_memory_failcnt", "container_spec_cpu_shares",
                    "container_spec_memory_swap_limit_bytes", "berth_container_memory_high_bytes")) {
                assertFalse(m.containsKey(name + FULL), name);
            }
        }
    }

    @Test
    void cadvisorsWeightToSharesMapping() {
        assertEquals(java.util.OptionalLong.of(2), ContainerMetrics.shares(new dev.berth.cgroupctl.CpuWeight(1)));
        assertEquals(java.util.OptionalLong.of(262_144),
                ContainerMetrics.shares(new dev.berth.cgroupctl.CpuWeight(10_000)));
        assertEquals(java.util.OptionalLong.of(5_219), ContainerMetrics.shares(new dev.berth.cgroupctl.CpuWeight(200)));
    }

    @Test
    void readErrorsAreCountedByKindEveryKindServed() throws Exception {
        try (Exporter e = start()) {
            e.publish(new ExportSample(Samples.AT, Duration.ofMillis(20), List.of(Samples.full("web")),
                    Optional.empty(), 2, Optional.empty(), Map.of(dev.berth.collectors.ReadErrorKind.PARSE, 5L,
                            dev.berth.collectors.ReadErrorKind.GONE, 1L), Map.of()));
            Map<String, Double> m = scrape(e);
            assertEquals(5.0, m.get("berth_read_errors_total{kind=\"parse\"}"));
            assertEquals(1.0, m.get("berth_read_errors_total{kind=\"gone\"}"));
            assertEquals(0.0, m.get("berth_read_errors_total{kind=\"permission\"}"));
            assertEquals(0.0, m.get("berth_read_errors_total{kind=\"other\"}"));
        }
    }

    @Test
    void unreadableValuesAndUnsetLimitsAreAbsentNeverZero() throws Exception {
        try (Exporter e = start()) {
            e.publish(new ExportSample(Samples.AT, Duration.ofMillis(20),
                    List.of(Samples.full("web"), Samples.empty("bare")), Optional.empty(), 3, Optional.empty()));
            Map<String, Double> m = scrape(e);
            List<String> bare = m.keySet().stream().filter(k -> k.contains("name=\"bare\"")).toList();
            // Only what needs no reading: when it was seen, and its freezer-derived state.
            assertEquals(List.of("container_last_seen{id=\"/berth/bare\",name=\"bare\",runtime=\"berth\"}",
                    "berth_container_frozen{id=\"/berth/bare\",name=\"bare\",runtime=\"berth\"}"),
                    bare.stream().sorted((a, b) -> a.startsWith("container") ? -1 : 1).toList());
            assertFalse(m.containsKey("container_threads_max" + FULL), "pids.max = max is not a number");
            assertFalse(m.containsKey("container_pressure_memory_waiting_seconds_total" + FULL));
            assertFalse(m.containsKey("berth_process_cpu_seconds_total"), "self not read");
            assertEquals(3.0, m.get("berth_sample_read_warnings"));
        }
    }

    @Test
    void aKubernetesContainerCarriesItsPodNextToContainersWithoutOne() throws Exception {
        dev.berth.collectors.ContainerSample web = Samples.full("web");
        dev.berth.collectors.ContainerIdentity k8s = new dev.berth.collectors.ContainerIdentity("4444", "api",
                dev.berth.collectors.ContainerRuntime.KUBERNETES, "/kubepods/pod1/4444", Optional.of("pod-uid-1"),
                List.of(7L), Optional.empty());
        dev.berth.collectors.ContainerSample api = new dev.berth.collectors.ContainerSample(web.at(), k8s,
                web.state(), web.cpu(), web.memory(), web.io(), web.net(), web.pids(), web.cpuPressure(),
                web.memoryPressure(), web.ioPressure());
        try (Exporter e = start()) {
            e.publish(new ExportSample(Samples.AT, Duration.ofMillis(20), List.of(web, api), Optional.empty(), 0,
                    Optional.empty()));
            Map<String, Double> m = scrape(e);
            assertEquals(5.0, m.get("container_threads{id=\"/kubepods/pod1/4444\",name=\"api\",pod=\"pod-uid-1\","
                    + "runtime=\"kubernetes\"}"));
            assertEquals(5.0, m.get("container_threads" + FULL));
        }
    }

    @Test
    void imageLabelOnContainersWhoseImageIsKnownAndAbsentOnTheOthers() throws Exception {
        try (Exporter e = start()) {
            e.publish(new ExportSample(Samples.AT, Duration.ofMillis(20),
                    List.of(Samples.full("web"), Samples.full("db")), Optional.empty(), 0, Optional.empty(), Map.of(),
                    Map.of("/berth/web", "/srv/images/debian-12.tar")));
            Map<String, Double> m = scrape(e);
            assertEquals(5.0, m.get(web("container_threads", "image", "/srv/images/debian-12.tar")));
            assertEquals(5.0, m.get("container_threads{id=\"/berth/db\",name=\"db\",runtime=\"berth\"}"));
            // every series of web carries it, and no series anywhere has an empty image=""
            assertFalse(m.keySet().stream().anyMatch(k -> k.contains("name=\"web\"") && !k.contains("image=")));
            assertFalse(m.keySet().stream().anyMatch(k -> k.contains("image=\"\"")));
        }
    }

    @Test
    void beforeTheFirstSampleOnlyTheSampleCounterIsServed() throws Exception {
        try (Exporter e = start()) {
            assertEquals(Map.of("berth_samples_total", 0.0), scrape(e));
        }
    }

    @Test
    void aScrapeServesTheLatestSampleWhole() throws Exception {
        try (Exporter e = start()) {
            e.publish(new ExportSample(Samples.AT, Duration.ofMillis(20),
                    List.of(Samples.full("web"), Samples.full("db")), Optional.empty(), 0, Optional.empty()));
            assertTrue(scrape(e).containsKey("container_threads{id=\"/berth/db\",name=\"db\",runtime=\"berth\"}"));
            // db vanished between the two samples: the next scrape has web only, and still answers 200.
            e.publish(new ExportSample(Samples.AT.plusSeconds(10), Duration.ofMillis(20),
                    List.of(Samples.full("web")), Optional.empty(), 0, Optional.empty()));
            Map<String, Double> m = scrape(e);
            assertFalse(m.keySet().stream().anyMatch(k -> k.contains("name=\"db\"")));
            assertEquals(5.0, m.get("container_threads" + FULL));
            assertEquals(2.0, m.get("berth_samples_total"));
        }
    }

    @Test
    void aPortInUseIsOneLineNamingTheAddress() throws Exception {
        try (Exporter first = start()) {
            ListenAddress taken = new ListenAddress("127.0.0.1", first.address().getPort());
            ExportException ex = assertThrows(ExportException.class, () -> Exporter.start(taken));
            assertEquals("cannot listen on " + taken + ": address already in use", ex.getMessage());
        }
    }

    @Test
    void anAddressOfAnotherHostIsRefused() {
        // 192.0.2.0/24 is TEST-NET-1 (RFC 5737): never an address of this host; bind fails without any traffic.
        ExportException ex = assertThrows(ExportException.class,
                () -> Exporter.start(new ListenAddress("192.0.2.1", 9756)));
        assertEquals("cannot listen on 192.0.2.1:9756: not an address of this host", ex.getMessage());
    }

    @Test
    void anUnknownHostIsNamed() {
        ExportException ex = assertThrows(ExportException.class,
                () -> Exporter.start(new ListenAddress("no-such-host.invalid", 9756)));
        assertEquals("cannot listen on no-such-host.invalid:9756: unknown host 'no-such-host.invalid'",
                ex.getMessage());
    }
}
