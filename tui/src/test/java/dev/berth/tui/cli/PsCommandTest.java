package dev.berth.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.collectors.testing.FakeContainer;
import dev.berth.collectors.testing.FakeHost;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code berth ps} over fixture trees of each layout, and its input errors. */
class PsCommandTest {
    static final String ID = "1111111111111111111111111111111111111111111111111111111111111111";

    @TempDir
    Path dir;

    private FakeHost host(FakeHost.Layout layout) {
        FakeHost h = FakeHost.of(layout, dir).dockerName(ID, "web");
        h.container("/docker/" + ID).pids(101);
        FakeContainer api = h.container("/berth/api").pids(109);
        api.quotaUsec = 50_000L;
        api.memoryLimit = 400L << 20;
        api.netns(4026532999L, Map.of("lo", new long[] {1, 1}, "eth0", new long[] {10, 1}));
        h.container("/system.slice/cron.service").pids(110);
        return h.write();
    }

    private CliRun ps(FakeHost h, String... args) {
        List<String> a = new java.util.ArrayList<>(List.of("--procfs", h.procfs().toString(), "--sysfs",
                h.sysfs().toString(), "ps"));
        a.addAll(List.of(args));
        return CliRun.of(a.toArray(String[]::new));
    }

    @ParameterizedTest
    @EnumSource(FakeHost.Layout.class)
    void tableOfContainers(FakeHost.Layout layout) {
        CliRun r = ps(host(layout), "--sort", "name");
        assertEquals(0, r.exit(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size(), r.out());
        assertTrue(lines.get(0).startsWith("NAME"), r.out());
        assertTrue(lines.get(1).matches("api\\s+-\\s+berth\\s+running\\s+0\\.0\\s+0\\.50\\s+70M\\s+400M\\s+17\\.5\\s+.*"),
                lines.get(1));
        assertTrue(lines.get(2).matches("web\\s+111111111111\\s+docker\\s+running\\s.*host\\s+host\\s+1"),
                lines.get(2));
    }

    /** Issue 8: a value ps could not read is '-', and why is on stderr. */
    @Test
    void readWarningsGoToStderr() throws Exception {
        FakeHost h = host(FakeHost.Layout.V2);
        assertEquals("", ps(h).err(), "a clean sample warns of nothing");
        java.nio.file.Files.writeString(h.sysfs().resolve("fs/cgroup/berth/api/pids.current"), "lots\n");
        CliRun r = ps(h, "--sort", "name");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.errLine().startsWith("berth ps: warning: ") && r.errLine().contains("berth/api/pids.current"),
                r.err());
    }

    /**
     * Issue 10: ps prints no host figure and reads no host file, so a garbage {@code /proc/stat} (or meminfo,
     * diskstats) changes nothing: the same rows, no warning, exit 0. ({@code stat} does read them: see its test.)
     */
    @Test
    void psReadsNoHostFile() throws Exception {
        FakeHost h = host(FakeHost.Layout.V2);
        String clean = ps(h, "--sort", "name").out();
        for (String file : java.util.List.of("stat", "meminfo", "diskstats", "loadavg")) {
            java.nio.file.Files.writeString(h.procfs().resolve(file), "garbage\n");
        }
        CliRun r = ps(h, "--sort", "name");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("", r.err(), r.toString());
        assertEquals(clean.lines().map(l -> l.split("\\s+")[0]).toList(),
                r.out().lines().map(l -> l.split("\\s+")[0]).toList(), "the same rows: " + r);
    }

    @Test
    void allListsSystemdUnitsToo() {
        CliRun r = ps(host(FakeHost.Layout.V2), "--all");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("cron.service"), r.out());
    }

    @ParameterizedTest
    @EnumSource(FakeHost.Layout.class)
    void jsonContract(FakeHost.Layout layout) throws Exception {
        CliRun r = ps(host(layout), "--json", "--sort", "name");
        assertEquals(0, r.exit(), r.toString());
        JsonNode arr = new ObjectMapper().readTree(r.out());
        assertEquals(2, arr.size());
        JsonNode api = arr.get(0);
        for (String f : List.of("id", "name", "runtime", "cgroup", "state", "pids", "cpu", "memory", "io", "net")) {
            assertTrue(api.has(f), f);
        }
        assertEquals("api", api.get("name").asText());
        assertEquals("berth", api.get("runtime").asText());
        assertEquals("/berth/api", api.get("cgroup").asText());
        assertEquals("running", api.get("state").asText());
        assertEquals(1, api.get("pids").get("current").asLong());
        assertTrue(api.get("pids").get("limit").isNull(), "unlimited is null");
        assertEquals(1.0, api.get("cpu").get("usage_seconds").asDouble(), 1e-9);
        assertEquals(0.5, api.get("cpu").get("limit_cpus").asDouble(), 1e-9);
        assertTrue(api.get("cpu").has("percent") && api.get("cpu").has("throttled_seconds"));
        assertEquals(100L << 20, api.get("memory").get("usage_bytes").asLong());
        assertEquals(70L << 20, api.get("memory").get("working_set_bytes").asLong());
        assertEquals(400L << 20, api.get("memory").get("limit_bytes").asLong());
        assertEquals(0, api.get("memory").get("oom_kills").asLong());
        for (String f : List.of("read_bytes", "write_bytes", "read_bytes_per_s", "write_bytes_per_s")) {
            assertTrue(api.get("io").has(f), f);
        }
        assertEquals(10, api.get("net").get("rx_bytes").asLong(), "eth0 only; lo is not counted");
        assertTrue(api.get("net").has("rx_bytes_per_s") && api.get("net").has("tx_bytes_per_s"));
        JsonNode web = arr.get(1);
        assertEquals("host", web.get("netns").asText());
        assertTrue(web.get("net").get("rx_bytes").isNull(), "host namespace traffic is not the container's");
        assertTrue(web.get("cpu").get("limit_cpus").isNull(), "no quota is null");
    }

    @Test
    void berthContainersUnderTheGivenCgroupParent() {
        FakeHost h = FakeHost.v2(dir);
        h.container("/custom/parent/db").pids(120);
        h.write();
        CliRun r = CliRun.of("--procfs", h.procfs().toString(), "--sysfs", h.sysfs().toString(),
                "--cgroup-parent", "custom/parent", "ps", "--json");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("\"runtime\" : \"berth\"") && r.out().contains("\"name\" : \"db\""), r.out());
    }

    @Test
    void unknownSortKeyIsAUsageError() {
        CliRun r = ps(host(FakeHost.Layout.V2), "--sort", "colour");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.errLine().contains("'colour'") && r.errLine().contains("cpu, mem, io, net, pids, name"),
                r.errLine());
    }

    @Test
    void noCgroupFilesystemIsADataError() {
        CliRun r = CliRun.of("--procfs", dir.resolve("nothing").toString(), "--sysfs", dir.toString(), "ps");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.errLine().startsWith("berth ps: no usable cgroup filesystem"), r.errLine());
    }
}
