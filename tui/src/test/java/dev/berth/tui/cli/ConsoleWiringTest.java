package dev.berth.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.cgroupctl.testing.FakeCgroupTree;
import dev.berth.collectors.testing.FakeContainer;
import dev.berth.collectors.testing.FakeHost;
import dev.berth.ops.ActionListener;
import dev.berth.ops.Host;
import dev.berth.ops.HostConfig;
import dev.berth.runtime.ContainerId;
import dev.berth.runtime.ContainerName;
import dev.berth.runtime.RuntimeConfig;
import dev.berth.runtime.state.ContainerRecord;
import dev.berth.runtime.state.ProcessProbe;
import dev.berth.runtime.state.SpecSummary;
import dev.berth.runtime.state.StateStore;
import dev.berth.tui.action.LimitField;
import dev.berth.tui.sample.SampleRequest;
import dev.berth.tui.view.ContainerRow;
import dev.berth.collectors.ContainerState;
import dev.berth.tui.view.Snapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's wiring ({@link ConsoleCommand#parts}) over one {@link Host}: one cgroup probe at start, the
 * configured cgroup parent, and limits recorded exactly as {@code berth set} records them.
 */
class ConsoleWiringTest {
    static final Instant T0 = Instant.parse("2026-11-30T20:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void theConsoleProbesTheCgroupFilesystemOnceAndHonoursTheCgroupParent() throws Exception {
        FakeHost fake = FakeHost.of(FakeHost.Layout.V2, tmp.resolve("host"));
        FakeContainer api = fake.container("/custom/api").pids(109);
        api.pidsLimit = 64L;
        fake.write();
        AtomicInteger probes = new AtomicInteger();
        RuntimeConfig runtime = new RuntimeConfig(tmp.resolve("state"), "custom");
        Host host = new Host(new HostConfig(fake.procfs(), fake.sysfs(), runtime), () -> {
            probes.incrementAndGet();
            return new dev.berth.cgroupctl.CgroupFsProber(fake.procfs(), fake.sysfs()).probe();
        }, InstantSource.fixed(T0), ActionListener.NONE, () -> (pid, sig) -> true);

        ConsoleCommand.Parts parts = ConsoleCommand.parts(host, Optional.empty());
        Snapshot s = parts.source().sample(new SampleRequest(Optional.of("/custom/api"), false, false));
        ContainerRow row = s.containers().stream().filter(r -> r.name().equals("api")).findFirst().orElseThrow();
        assertEquals("berth", row.runtime(), "a container under --cgroup-parent is berth's, as ps says");
        assertEquals(Optional.of("64"), s.detail().orElseThrow().limits().pidsMax());
        assertEquals(Optional.of("64"), parts.actions().readLimits(row).pidsMax());
        parts.source().sample(SampleRequest.DEFAULT);

        assertEquals(1, probes.get(), "probes at console start");
        assertEquals(1, host.probeCount());
    }

    @Test
    void aLimitSetFromTheConsoleIsRecordedExactlyAsOneSetFromTheCli() throws Exception {
        FakeCgroupTree tree = FakeCgroupTree.v2(tmp.resolve("host"));
        long self = ProcessHandle.current().pid();
        tree.proc(self, "0::/user.slice/session-1.scope\n");
        tree.unified("/user.slice/session-1.scope").file("cgroup.procs", self + "\n");
        Files.createDirectories(tree.sysfs().resolve("devices/system/cpu"));
        Files.writeString(tree.sysfs().resolve("devices/system/cpu/online"), "0-1\n");
        StateStore store = new StateStore(tmp.resolve("state"));
        for (String name : List.of("fromcli", "fromconsole")) {
            tree.unified("/berth/" + name).file("cgroup.procs", "").file("cpu.max", "max 100000\n")
                    .file("pids.max", "max\n").file("pids.current", "0\n").file("memory.current", "1048576\n")
                    .file("memory.stat", "anon 1048576\ninactive_file 0\n").file("memory.max", "max\n")
                    .file("memory.high", "max\n");
            ContainerName n = ContainerName.of(name);
            SpecSummary spec = new SpecSummary(List.of("sh"), "/srv/rootfs", false, null, "none", null, null, null,
                    List.of(), List.of(), false, true, Map.of("pids-limit", "100"));
            long pid = ProcessHandle.current().pid();
            store.create(ContainerRecord.created(n, ContainerId.random(), spec, "/berth/" + name, T0,
                    Path.of("/srv/rootfs"), null, null, store.logPath(n))
                    .withPid(pid, new ProcessProbe(Path.of("/proc")).startTime(pid).orElseThrow()).running(T0));
            tree.procFile(pid, "stat", Files.readString(Path.of("/proc/" + pid + "/stat")));
        }

        CliRun cli = CliRun.of("--procfs", tree.procfs().toString(), "--sysfs", tree.sysfs().toString(),
                "--state-dir", tmp.resolve("state").toString(),
                "set", "fromcli", "--cpus", "0.5", "--memory", "256M", "--pids-limit", "64");
        assertEquals(0, cli.exit(), cli.toString());

        Host host = Host.open(new HostConfig(tree.procfs(), tree.sysfs(),
                new RuntimeConfig(tmp.resolve("state"), "berth")));
        ConsoleCommand.Parts parts = ConsoleCommand.parts(host, Optional.empty());
        ContainerRow row = new ContainerRow("/berth/fromconsole", "fromconsole", "berth", "/berth/fromconsole",
                ContainerState.RUNNING, OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty(),
                OptionalLong.empty(), Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalLong.empty());
        // the form sends the fields the user changed, blank ones untouched
        parts.actions().applyLimits(row, Map.of(LimitField.CPU_QUOTA, "0.5", LimitField.MEMORY_MAX, "256M",
                LimitField.PIDS_MAX, "64", LimitField.MEMORY_HIGH, ""));

        Map<String, String> fromCli = store.load(ContainerName.of("fromcli")).orElseThrow().spec().limits();
        Map<String, String> fromConsole = store.load(ContainerName.of("fromconsole")).orElseThrow().spec().limits();
        assertEquals(Map.of("cpus", "0.5", "memory", "256M", "pids-limit", "64"), fromCli);
        assertEquals(fromCli, fromConsole);
        for (String f : List.of("cpu.max", "memory.max", "pids.max")) {
            assertEquals(tree.unified("/berth/fromcli").read(f), tree.unified("/berth/fromconsole").read(f), f);
        }
    }
}
