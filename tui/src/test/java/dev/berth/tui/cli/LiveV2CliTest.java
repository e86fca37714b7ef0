package dev.berth.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.cgroupctl.Cgroup;
import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.CpuMax;
import dev.berth.cgroupctl.CpuQuotaEvidence;
import dev.berth.cgroupctl.FreezerState;
import dev.berth.cgroupctl.Layout;
import dev.berth.cgroupctl.Limit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * berth's verbs on pure cgroup v2, live (the v2 guest of {@code testing/v2vm} runs it; elsewhere it skips): a
 * container that crun or runc started, and a cgroup whose parent did not enable a controller.
 */
@Tag("privileged")
class LiveV2CliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path tmp;
    CgroupFs fs;
    String parent;
    final List<Runnable> cleanups = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fs = LiveCgroup.hostCgroupFs();
        Assumptions.assumeTrue(fs.probe().layout() == Layout.V2, "needs pure cgroup v2; this host is "
                + fs.probe().layout() + " (testing/v2vm runs these tests in a v2 guest)");
        parent = "/berth-test-v2cli-" + ProcessHandle.current().pid();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (parent == null) {
            return;
        }
        for (int i = cleanups.size() - 1; i >= 0; i--) {
            cleanups.get(i).run();
        }
        Cgroup p = fs.cgroup(parent);
        if (p.exists()) {
            p.thaw(Duration.ofSeconds(5));
            p.killAll(Duration.ofSeconds(10));
            fs.remove(parent);
        }
    }

    private static String onPath(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(d, name))) {
                return Path.of(d, name).toString();
            }
        }
        return null;
    }

    private static int run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("did not end in 60 s: " + cmd);
        }
        return p.exitValue();
    }

    private static JsonNode psEntry(String cgroupPath) throws IOException {
        CliRun ps = CliRun.of("ps", "--all", "--json");
        assertEquals(0, ps.exit(), ps.toString());
        for (JsonNode n : JSON.readTree(ps.out())) {
            if (n.path("cgroup").asText().equals(cgroupPath)) {
                return n;
            }
        }
        throw new AssertionError("berth ps --all --json does not list " + cgroupPath + ": " + ps.out());
    }

    @Test
    void aContainerStartedByCrunOrRuncIsListedAndObeysSetFreezeThawAndKill() throws Exception {
        String rt = onPath("crun") != null ? onPath("crun") : onPath("runc");
        Assumptions.assumeTrue(rt != null, "neither crun nor runc is installed");
        Path busybox = Path.of("/bin/busybox");
        Assumptions.assumeTrue(Files.isExecutable(busybox), "busybox-static is not installed");
        Path bundle = tmp.resolve("bundle");
        Files.createDirectories(bundle.resolve("rootfs/bin"));
        Files.copy(busybox, bundle.resolve("rootfs/bin/busybox"));
        Files.createSymbolicLink(bundle.resolve("rootfs/bin/sh"), Path.of("busybox"));
        assertEquals(0, run(List.of("sh", "-c", "cd '" + bundle + "' && exec '" + rt + "' spec")));
        String id = "berth-v2-" + ProcessHandle.current().pid();
        String cgroupPath = parent + "/" + id;
        ObjectNode config = (ObjectNode) JSON.readTree(bundle.resolve("config.json").toFile());
        ObjectNode process = (ObjectNode) config.get("process");
        process.put("terminal", false);
        process.putArray("args").add("/bin/sh").add("-c").add("while :; do :; done");
        ((ObjectNode) config.get("linux")).put("cgroupsPath", cgroupPath);
        JSON.writeValue(bundle.resolve("config.json").toFile(), config);
        String state = tmp.resolve("state").toString();
        cleanups.add(() -> {
            try {
                run(List.of(rt, "--root", state, "delete", "-f", id));
            } catch (IOException | InterruptedException e) {
                System.out.println("cleanup: " + rt + " delete -f " + id + ": " + e);
            }
        });
        assertEquals(0, run(List.of(rt, "--root", state, "run", "-d", "--bundle", bundle.toString(), id)),
                rt + " run failed");
        Cgroup cg = fs.cgroup(cgroupPath);
        assertFalse(cg.readProcs().isEmpty(), rt + " put no process in " + cgroupPath);

        JsonNode entry = psEntry(cgroupPath);
        System.out.println("LIVE v2 " + Path.of(rt).getFileName() + " container in berth ps: name "
                + entry.path("name").asText() + ", runtime " + entry.path("runtime").asText() + ", state "
                + entry.path("state").asText() + ", memory " + entry.path("memory").path("usage_bytes"));
        assertTrue(entry.path("name").asText().contains(id), entry.toString());
        assertEquals("running", entry.path("state").asText());
        assertFalse(entry.path("memory").path("usage_bytes").isNull(), "memory is delegated: read, not null");

        CliRun set = CliRun.of("set", cgroupPath, "--cpus", "0.2", "--memory", "64M", "--pids-limit", "30");
        assertEquals(0, set.exit(), set.toString());
        assertEquals(new CpuMax(Limit.of(20_000), 100_000), cg.readCpuMax());
        assertEquals(Limit.of(64L << 20), cg.readMemory().maxBytes());
        assertEquals(Limit.of(30), cg.readPids().max());
        // the kernel's own counters: throttled, at most the quota per elapsed period (CpuQuotaEvidence)
        CpuQuotaEvidence.Window held = CpuQuotaEvidence.await(cg, new CpuMax(Limit.of(20_000), 100_000), 30,
                Duration.ofSeconds(120));

        assertEquals(0, CliRun.of("freeze", cgroupPath).exit());
        assertEquals(FreezerState.FROZEN, cg.readFreezerState());
        String frozenState = psEntry(cgroupPath).path("state").asText();
        // frozen: not one microsecond of CPU while the kernel says frozen (berth freeze returned on cgroup.events)
        long f0 = cg.readCpuUsage().usageUsec();
        long frozenAt = System.nanoTime();
        Thread.sleep(1000);
        long frozenUsec = cg.readCpuUsage().usageUsec() - f0;
        double frozenSeconds = (System.nanoTime() - frozenAt) / 1e9;
        assertEquals(0, CliRun.of("thaw", cgroupPath).exit());
        assertEquals(FreezerState.THAWED, cg.readFreezerState());
        // thawed: it runs again, waited for (bounded): 50 ms of CPU
        long u0 = cg.readCpuUsage().usageUsec();
        long thawedAt = System.nanoTime();
        long thawedUsec = 0;
        while (thawedUsec < 50_000 && System.nanoTime() - thawedAt < 60_000_000_000L) {
            Thread.sleep(50);
            thawedUsec = cg.readCpuUsage().usageUsec() - u0;
        }
        double resumedAfter = (System.nanoTime() - thawedAt) / 1e9;

        CliRun kill = CliRun.of("kill", cgroupPath);
        System.out.printf("LIVE v2 berth set --cpus 0.2 on the %s container: %s; frozen +%d us in %.2f s (ps: %s); "
                + "thawed: +%d us in %.2f s; kill: %s%n", Path.of(rt).getFileName(), held, frozenUsec, frozenSeconds,
                frozenState, thawedUsec, resumedAfter, kill.toString());
        assertEquals(0, kill.exit(), kill.toString());
        assertEquals("frozen", frozenState);
        assertEquals(0, frozenUsec, "CPU time while frozen");
        assertTrue(thawedUsec >= 50_000, "did not resume in 60 s: +" + thawedUsec + " us");
        for (int i = 0; i < 600 && !cg.readProcs().isEmpty(); i++) {
            Thread.sleep(100);
        }
        assertEquals(List.of(), cg.readProcs());
    }

    @Test
    void psShowsAControllerTheParentDidNotEnableAsUnavailableNeverZero() throws Exception {
        // The parent enables neither memory nor io nor pids for its child (a parent that holds processes cannot
        // enable memory or io; here the test simply turns them and cpu and pids off): the child has none of their files.
        Cgroup holder = fs.create(parent + "/holder");
        Cgroup child = fs.create(parent + "/holder/child");
        Path control = fs.probe().unifiedMount().orElseThrow().resolve(holder.path().substring(1))
                .resolve("cgroup.subtree_control");
        Files.writeString(control, "-cpu -memory -io -pids");
        LiveProcess b = LiveProcess.start("sleep 600");
        cleanups.add(b::stop);
        child.addProcess(b.pid());
        JsonNode entry = psEntry(child.path());
        System.out.println("LIVE v2 ps of a cgroup without memory, pids or cpu controller: memory "
                + entry.path("memory") + ", pids " + entry.path("pids") + ", cpu " + entry.path("cpu"));
        assertTrue(entry.path("memory").path("usage_bytes").isNull(), entry.toString());
        assertTrue(entry.path("memory").path("working_set_bytes").isNull(), entry.toString());
        assertTrue(entry.path("pids").path("current").isNull(), entry.toString());
        assertTrue(entry.path("cpu").path("throttled_seconds").isNull(), entry.toString());
        // cpu.stat's usage is in every v2 cgroup, controller or not
        assertFalse(entry.path("cpu").path("usage_seconds").isNull(), entry.toString());
        CliRun set = CliRun.of("set", child.path(), "--memory", "64M");
        System.out.println("LIVE v2 berth set --memory on it: " + set);
        assertEquals(1, set.exit(), set.toString());
        assertTrue(set.errLine().contains("memory controller is not enabled in " + parent + "/holder"),
                set.errLine());
    }

    /** A {@code sh -c} child started outside any test cgroup, then moved by the test. */
    private record LiveProcess(Process process) {
        static LiveProcess start(String script) throws IOException {
            return new LiveProcess(new ProcessBuilder("sh", "-c", script).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        }

        long pid() {
            return process.pid();
        }

        void stop() {
            process.destroyForcibly();
        }
    }
}
