package dev.berth.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.cgroupctl.Cgroup;
import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.CpuMax;
import dev.berth.cgroupctl.FreezerState;
import dev.berth.cgroupctl.Limit;
import dev.berth.tui.cli.PodmanControlTest.Exec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * freeze, set, thaw and kill through berth on an LXC container, found by its LXC name. The
 * container comes from LXC's own busybox template (the host's busybox, no download) and runs
 * without a network ({@code lxc.net.0.type=empty}: there is no lxcbr0 bridge on CI).
 */
@Tag("privileged")
class LxcControlTest {
    static final String NAME = "berth-test-" + ProcessHandle.current().pid() + "-lxc";

    @Test
    void freezeSetThawAndKillAnLxcContainerByName() throws Exception {
        CgroupFs fs = LiveCgroup.hostCgroupFs();
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/lxc-start")), "lxc is not installed");
        try {
            Exec create = Exec.run(List.of("lxc-create", "-n", NAME, "-t", "busybox"));
            Assumptions.assumeTrue(create.exit() == 0, "lxc-create -t busybox failed: " + create.output());
            Exec start = Exec.run(List.of("lxc-start", "-n", NAME, "-d", "-s", "lxc.net.0.type=empty"));
            Assumptions.assumeTrue(start.exit() == 0, "lxc cannot start a container here: " + start.output());
            String pid = Exec.run(List.of("lxc-info", "-n", NAME, "-p", "-H")).output().strip();
            String path = fs.readProcCgroup(Long.parseLong(pid)).primaryPath();
            assertTrue(path.contains(NAME), "LXC's cgroup: " + path);
            Cgroup cg = fs.cgroup(path);

            CliRun r = CliRun.of("freeze", NAME);
            assertEquals(0, r.exit(), r.toString());
            assertEquals(FreezerState.FROZEN, cg.readFreezerState());

            r = CliRun.of("set", NAME, "--cpus", "0.2", "--pids-limit", "77");
            assertEquals(0, r.exit(), r.toString());
            assertEquals(new CpuMax(Limit.of(20_000), 100_000), cg.readCpuMax());
            assertEquals(Limit.of(77), cg.readPids().max());

            r = CliRun.of("thaw", NAME);
            assertEquals(0, r.exit(), r.toString());
            assertEquals(FreezerState.THAWED, cg.readFreezerState());

            r = CliRun.of("kill", NAME);
            assertEquals(0, r.exit(), r.toString());
            assertEquals(List.of(), cg.exists() ? cg.readProcs() : List.of());
        } finally {
            Exec.run(List.of("lxc-stop", "-n", NAME, "-k"));
            Exec.run(List.of("lxc-destroy", "-n", NAME, "-f"));
        }
    }
}
