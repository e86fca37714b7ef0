package dev.berth.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.cgroupctl.testing.FakeCgroupTree;
import dev.berth.runtime.ContainerId;
import dev.berth.runtime.ContainerName;
import dev.berth.runtime.state.ContainerRecord;
import dev.berth.runtime.state.SpecSummary;
import dev.berth.runtime.state.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control commands end to end on a fake cgroup v2 host ({@code --procfs}/{@code --sysfs}) and a
 * temp state dir: resolution of names, exit codes, one-line messages, and what gets written.
 */
class ControlCommandsTest {
    static final String PODMAN_ID = "846747a7a3905c41ff1b328a595dadb967af715a5999f0dbd56ed3ab3cdca1cb";
    static final String PODMAN = "/machine.slice/libpod-" + PODMAN_ID + ".scope";
    static final Instant T0 = Instant.parse("2026-11-22T03:00:00Z");

    @TempDir
    Path tmp;
    FakeCgroupTree tree;
    StateStore store;

    @BeforeEach
    void setUp() throws Exception {
        tree = FakeCgroupTree.v2(tmp.resolve("host"));
        long self = ProcessHandle.current().pid();
        tree.proc(self, "0::/user.slice/session-1.scope\n");
        tree.unified("/user.slice/session-1.scope").file("cgroup.procs", self + "\n");
        Files.createDirectories(tree.sysfs().resolve("devices/system/cpu"));
        Files.writeString(tree.sysfs().resolve("devices/system/cpu/online"), "0-1\n");
        for (String path : List.of(PODMAN, "/berth/web")) {
            tree.unified(path)
                    .file("cgroup.procs", "")
                    .file("cpu.max", "max 100000\n")
                    .file("pids.max", "1\n")
                    .file("memory.current", "104857600\n")
                    .file("memory.stat", "anon 104857600\ninactive_file 0\n")
                    .file("memory.max", "max\n")
                    .file("memory.high", "max\n");
        }
        store = new StateStore(tmp.resolve("state"));
    }

    CliRun berth(String... args) {
        List<String> all = new ArrayList<>(List.of("--procfs", tree.procfs().toString(), "--sysfs",
                tree.sysfs().toString()));
        all.addAll(Arrays.asList(args));
        all.addAll(List.of("--state-dir", tmp.resolve("state").toString()));
        return CliRun.of(all.toArray(String[]::new));
    }

    ContainerRecord own(String name, boolean running) throws Exception {
        ContainerName n = ContainerName.of(name);
        SpecSummary spec = new SpecSummary(List.of("sh"), "/srv/rootfs", false, null, "none", null, null, null,
                List.of(), List.of(), false, true, Map.of("pids-limit", "100"));
        ContainerRecord r = ContainerRecord.created(n, ContainerId.random(), spec, "/berth/" + name, T0,
                Path.of("/srv/rootfs"), null, null, store.logPath(n));
        long pid = ProcessHandle.current().pid();  // a live process with a known start time stands in for init
        r = r.withPid(pid, running ? new dev.berth.runtime.state.ProcessProbe(Path.of("/proc")).startTime(pid)
                .orElseThrow() : -1L).running(T0);
        tree.procFile(pid, "stat", Files.readString(Path.of("/proc/" + pid + "/stat")));
        store.create(r);
        return r;
    }

    @Test
    void setOnAForeignContainerFoundByIdPrefixWritesTheFiles() throws Exception {
        CliRun r = berth("set", PODMAN_ID.substring(0, 12), "--cpus", "0.5", "--pids-limit", "64");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(PODMAN_ID.substring(0, 12) + ": cpus=0.5 pids-limit=64", r.out().strip());
        assertEquals("50000 100000", tree.unified(PODMAN).read("cpu.max").strip());
        assertEquals("64", tree.unified(PODMAN).read("pids.max").strip());
    }

    @Test
    void setOnBerthsOwnContainerRecordsTheNewLimits() throws Exception {
        own("web", true);
        CliRun r = berth("set", "web", "--cpus", "1.5");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("150000 100000", tree.unified("/berth/web").read("cpu.max").strip());
        assertEquals(Map.of("cpus", "1.5", "pids-limit", "100"),
                store.load(ContainerName.of("web")).orElseThrow().spec().limits());
    }

    /** Issue 10 defect 1: a state.json edited to name another cgroup must not aim set, stop or rm -f at it. */
    @Test
    void aTamperedStateFileNeverAimsBerthAtAnotherCgroup() throws Exception {
        ContainerRecord r = own("web", true);
        store.save(new ContainerRecord(r.name(), r.id(), r.spec(), r.pid(), r.pidStartTime(), PODMAN, r.status(),
                r.exitCode(), r.createdAt(), r.startedAt(), r.finishedAt(), r.rootfs(), r.upperDir(), r.workDir(),
                r.logPath()));
        CliRun set = berth("set", "web", "--pids-limit", "5");
        assertEquals(1, set.exit(), set.toString());
        assertTrue(set.errLine().startsWith("berth set: the state of container web names cgroup " + PODMAN
                + ", not /berth/web"), set.errLine());
        assertEquals("1", tree.unified(PODMAN).read("pids.max").strip(), "the other cgroup is untouched");
        assertEquals(1, berth("stop", "web").exit());
        assertTrue(Files.isDirectory(tree.unified(PODMAN).path()));

        tree.unified("/berth/web").file("cgroup.procs", "");
        CliRun rm = berth("rm", "-f", "web");
        assertTrue(Files.isDirectory(tree.unified(PODMAN).path()), "rm -f acts on /berth/web only: " + rm);
        assertEquals("1", tree.unified(PODMAN).read("pids.max").strip());
    }

    @Test
    void setBelowUsageOrAboveTheHostIsADataErrorAndWritesNothing() throws Exception {
        CliRun r = berth("set", PODMAN, "--cpus", "0.5", "--memory", "64M");
        assertEquals(1, r.exit(), r.toString());
        assertEquals("berth set: --memory 64M is below the current usage of " + PODMAN
                + " (100.0M without reclaimable cache): expected at least 100.0M, or max", r.errLine());
        r = berth("set", PODMAN, "--cpus", "3");
        assertEquals("berth set: --cpus 3 is more than the 2 online cpus: expected 0.01..2, or max", r.errLine());
        r = berth("set", PODMAN, "--cpuset-cpus", "0-2");
        assertEquals("berth set: --cpuset-cpus 0-2: cpu 2 is not online (online: 0-1)", r.errLine());
        assertEquals("max 100000\n", tree.unified(PODMAN).read("cpu.max"));
        assertEquals("max\n", tree.unified(PODMAN).read("memory.max"));
    }

    @Test
    void usageErrorsExitTwo() {
        CliRun r = berth("set", PODMAN);
        assertEquals(2, r.exit());
        assertTrue(r.errLine().startsWith("berth set: no limit given: expected at least one of --cpus"), r.errLine());
        r = berth("stop", "-t", "-1", "web");
        assertEquals(2, r.exit());
        assertTrue(r.errLine().contains("-1 is negative"), r.errLine());
        r = berth("stop", "no/such");
        assertEquals(2, r.exit());
        assertTrue(r.errLine().contains("invalid container name \"no/such\": expected [A-Za-z0-9][A-Za-z0-9_.-]{0,62}"),
                r.errLine());
        r = berth("kill", "-s", "NOPE", "web");
        assertEquals(2, r.exit());
        r = berth("set", PODMAN, "--cpus", "1", "--cgroup-parent", "..");
        assertEquals(2, r.exit());
        assertTrue(r.errLine().contains("invalid cgroup parent \"..\""), r.errLine());
    }

    @Test
    void unknownNamesAreDataErrors() {
        for (String cmd : List.of("stop", "rm", "logs")) {
            CliRun r = berth(cmd, "nobody");
            assertEquals(1, r.exit(), r.toString());
            assertEquals("berth " + cmd + ": no such container: nobody", r.errLine());
        }
        for (String cmd : List.of("freeze", "thaw", "kill", "set")) {
            CliRun r = cmd.equals("set") ? berth(cmd, "nobody", "--cpus", "1") : berth(cmd, "nobody");
            assertEquals(1, r.exit(), r.toString());
            assertEquals("berth " + cmd + ": no such container: nobody (expected a name, id or cgroup path that "
                    + "'berth ps --all' shows)", r.errLine());
        }
    }

    @Test
    void runtimeOptionsBeforeTheSubcommandApplyToIt() throws Exception {
        own("early", false);
        CliRun r = CliRun.of("--procfs", tree.procfs().toString(), "--sysfs", tree.sysfs().toString(),
                "--state-dir", tmp.resolve("state").toString(), "rm", "early");
        assertEquals(0, r.exit(), r.toString());
        assertFalse(Files.exists(store.containerDir(ContainerName.of("early"))));
    }

    @Test
    void berthItselfIsNeverATarget() {
        CliRun r = berth("freeze", "/user.slice");
        assertEquals(1, r.exit());
        assertEquals("berth freeze: refusing to freeze /user.slice: it contains berth itself (pid "
                + ProcessHandle.current().pid() + " is in /user.slice/session-1.scope)", r.errLine());
    }

    @Test
    void rmRefusesARunningContainerAndRemovesAnExitedOne() throws Exception {
        own("live", true);
        CliRun r = berth("rm", "live");
        assertEquals(1, r.exit());
        assertEquals("berth rm: container live is running: stop it first, or use rm -f", r.errLine());
        assertTrue(store.load(ContainerName.of("live")).isPresent());

        own("done", false);  // recorded start time does not match: its process is gone
        r = berth("rm", "done");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("done", r.out().strip());
        assertFalse(Files.exists(store.containerDir(ContainerName.of("done"))));
    }

    CliRun psAll(String... extra) {
        List<String> all = new ArrayList<>(List.of("--procfs", tree.procfs().toString(), "--sysfs",
                tree.sysfs().toString(), "--state-dir", tmp.resolve("state").toString(), "ps", "--all"));
        all.addAll(Arrays.asList(extra));
        return CliRun.of(all.toArray(String[]::new));
    }

    /**
     * Issue 10 defect 3: a berth container without a cgroup (stopped, or its launch killed before the
     * cgroup existed) held its name but ps --all did not show it; rm -f must then remove it.
     */
    @Test
    void aContainerWithStateButNoCgroupIsListedAsExitedAndRmFRemovesIt() throws Exception {
        own("nocg", false);
        Files.createDirectories(store.containerDir(ContainerName.of("broken")).resolve(StateStore.STATE_FILE));
        CliRun ps = psAll();
        assertEquals(0, ps.exit(), ps.toString());
        assertTrue(ps.out().lines().anyMatch(l -> l.matches("nocg\\s+\\S+\\s+berth\\s+exited.*")), ps.out());
        assertTrue(ps.out().lines().anyMatch(l -> l.matches("broken\\s+-\\s+berth\\s+exited.*")), ps.out());
        CliRun json = psAll("--json");
        assertTrue(json.out().contains("\"cgroup\" : \"/berth/nocg\"") || json.out().contains("\"cgroup\":\"/berth/nocg\""),
                json.out());
        CliRun plain = CliRun.of("--procfs", tree.procfs().toString(), "--sysfs", tree.sysfs().toString(),
                "--state-dir", tmp.resolve("state").toString(), "ps");
        assertFalse(plain.out().contains("nocg"), "without --all only running containers: " + plain.out());

        CliRun logs = berth("logs", "broken");
        assertEquals(1, logs.exit(), logs.toString());
        assertTrue(logs.errLine().contains("state file is a directory, not a regular file; remove it with: berth rm -f broken"),
                logs.errLine());
        for (String name : List.of("nocg", "broken")) {
            CliRun rm = berth("rm", "-f", name);
            assertEquals(0, rm.exit(), rm.toString());
            assertFalse(Files.exists(store.containerDir(ContainerName.of(name))));
        }
        assertFalse(psAll().out().contains("nocg"));
    }
}
