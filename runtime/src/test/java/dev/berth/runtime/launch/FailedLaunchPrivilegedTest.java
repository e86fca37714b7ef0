package dev.berth.runtime.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.cgroupctl.Resources;
import dev.berth.runtime.ContainerName;
import dev.berth.runtime.net.NetworkMode;
import dev.berth.runtime.net.VethNetwork;
import dev.berth.runtime.state.ProcessProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 100 failing launches — missing rootfs, missing command, a limit the kernel refuses, the helper
 * killed while its container process is blocked — then a census: no cgroup, mount, veth, state
 * entry or process may be left. {@code -Dberth.failedLaunches=N} (a multiple of 8 covers each kind with and
 * without a veth pair equally) runs another number: the pure-v2 guest of testing/v2vm runs 24, for time.
 */
@Tag("privileged")
class FailedLaunchPrivilegedTest {
    @TempDir
    Path tmp;
    private LiveContainers live;

    @BeforeEach
    void setUp() throws Exception {
        live = new LiveContainers(tmp, "fail");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (live != null) {
            live.close();
        }
    }

    /** Kills the helper with SIGKILL while the container process waits to be released. */
    private static final class KillHelper implements LaunchHooks {
        long killedChild;

        @Override
        public void blocked(ProcessHandle helper, long containerPid) {
            killedChild = containerPid;
            helper.destroyForcibly();
            helper.onExit().join();
        }
    }

    @Test
    void hundredFailedLaunchesLeaveNothingBehind() throws Exception {
        int launches = Integer.getInteger("berth.failedLaunches", 100);
        List<Long> blockedPids = new ArrayList<>();
        for (int i = 0; i < launches; i++) {
            ContainerName name = ContainerName.of("fail-" + i);
            // every other launch also gets a veth pair, which must go away with the rest
            NetworkMode net = i % 8 < 4 ? NetworkMode.NONE : NetworkMode.VETH;
            LaunchSpec ok = LaunchSpec.of(live.rootfs, List.of("true")).withName(name).withNetwork(net, Optional.empty());
            switch (i % 4) {
                case 0 -> {
                    LaunchException e = assertThrows(LaunchException.class, () -> live.launcher.start(
                            LaunchSpec.of(tmp.resolve("no-such-rootfs"), List.of("true")).withName(name), LaunchHooks.NONE));
                    assertEquals("rootfs " + tmp.resolve("no-such-rootfs") + ": no such directory or archive", e.getMessage());
                }
                case 1 -> {
                    LaunchException e = assertThrows(LaunchException.class, () -> live.launcher.start(
                            LaunchSpec.of(live.rootfs, List.of("/bin/nope")).withName(name).withNetwork(net, Optional.empty()),
                            LaunchHooks.NONE));
                    assertEquals("/bin/nope: no such file in the container's rootfs", e.getMessage());
                }
                case 2 -> {
                    // CPU 4095 does not exist on this host: the kernel refuses the cpuset write
                    Resources bad = Resources.none().withCpusetCpus("4095");
                    LaunchException e = assertThrows(LaunchException.class, () -> live.launcher.start(
                            ok.withResources(bad, Map.of("cpuset-cpus", "4095")), LaunchHooks.NONE));
                    assertTrue(e.getMessage().startsWith("limit refused: "), e.getMessage());
                }
                default -> {
                    KillHelper hook = new KillHelper();
                    LaunchException e = assertThrows(LaunchException.class, () -> live.launcher.start(ok, hook));
                    // where the start notices depends on how far it got when the helper died
                    assertTrue(e.getMessage().contains("berth-helper was killed by signal 9")
                            || e.getMessage().startsWith("cannot move the container process")
                            || e.getMessage().startsWith("cannot create the veth pair"), e.getMessage());
                    blockedPids.add(hook.killedChild);
                }
            }
        }
        assertEquals(List.of(), live.leftoverCgroups(), "cgroups left");
        try (Stream<Path> s = Files.exists(live.stateDir) ? Files.list(live.stateDir) : Stream.empty()) {
            List<String> entries = s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).toList();
            assertEquals(List.of(), entries, "state entries left");
        }
        String mountinfo = Files.readString(Path.of("/proc/self/mountinfo"));
        assertTrue(!mountinfo.contains(tmp.toString()), "mounts left:\n" + mountinfo);
        for (int i = 0; i < launches; i++) {
            String ifname = VethNetwork.hostInterfaceName("fail-" + i);
            assertTrue(!VethNetwork.exists(ifname), "veth left: " + ifname);
        }
        assertEquals(List.of(), ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(ProcessHandle::info).map(Object::toString).toList(), "processes left");
        ProcessProbe probe = new ProcessProbe(Path.of("/proc"));
        for (long pid : blockedPids) {
            // a zombie waiting for init to reap it has left every namespace and cgroup already
            assertTrue(!Launcher.isRunning(probe, pid), "container process " + pid + " left");
        }
        assertEquals(List.of(), helperProcesses(live.helper.path().orElseThrow()).stream()
                .filter(pid -> launcherIsRunning(probe, pid)).toList(), "helper processes left");
        System.out.println("LIVE failed launches: " + launches + " (" + blockedPids.size() + " with the helper killed),"
                + " 0 cgroups, state entries, mounts, veths or processes left");
    }

    private static boolean launcherIsRunning(ProcessProbe probe, long pid) {
        try {
            return Launcher.isRunning(probe, pid);
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Long> helperProcesses(Path helper) throws IOException {
        List<Long> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("/proc"))) {
            for (Path p : s.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    if (Files.readSymbolicLink(p.resolve("exe")).equals(helper)) {
                        out.add(Long.parseLong(p.getFileName().toString()));
                    }
                } catch (IOException e) {
                    // kernel threads have no exe; processes vanish while we look
                }
            }
        }
        return out;
    }
}
