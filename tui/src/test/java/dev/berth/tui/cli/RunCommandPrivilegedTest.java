package dev.berth.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.cgroupctl.CgroupFs;
import dev.berth.runtime.net.VethNetwork;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code berth run} and {@code berth exec} end to end, as root: exit status, veth, archives. */
@Tag("privileged")
class RunCommandPrivilegedTest {
    @TempDir
    Path tmp;
    private CgroupFs fs;
    private String parent;
    private Path rootfs;
    private Path stateDir;
    private final List<String> names = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        fs = LiveCgroup.hostCgroupFs();
        Path busybox = Path.of("/bin/busybox");
        Assumptions.assumeTrue(Files.isExecutable(busybox), "busybox-static is not installed");
        rootfs = tmp.resolve("rootfs");
        Files.createDirectories(rootfs.resolve("bin"));
        Files.copy(busybox, rootfs.resolve("bin/busybox"));
        Process p = new ProcessBuilder(busybox.toString(), "--list").start();
        for (String applet : new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            if (!applet.isBlank() && !applet.equals("busybox")) {
                Files.createSymbolicLink(rootfs.resolve("bin/" + applet), Path.of("busybox"));
            }
        }
        p.waitFor(10, TimeUnit.SECONDS);
        stateDir = tmp.resolve("state");
        parent = "/berth-test-runcli-" + ProcessHandle.current().pid();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (fs == null) {
            return;
        }
        for (String n : names) {
            berth("rm", "-f", n);
        }
        if (fs.cgroup(parent).exists()) {
            fs.cgroup(parent).killAll(java.time.Duration.ofSeconds(10));
            fs.remove(parent);
        }
    }

    private CliRun berth(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        int dashes = all.indexOf("--");
        all.addAll(dashes < 0 ? all.size() : dashes, List.of("--state-dir", stateDir.toString(), "--cgroup-parent", parent));
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void foregroundExitStatusIsBerthsExitStatus() {
        CliRun r = berth("run", "--rm", "--rootfs", rootfs.toString(), "--", "sh", "-c", "exit 42");
        assertEquals(42, r.exit(), r.toString());
        r = berth("run", "--rm", "--rootfs", rootfs.toString(), "--", "/bin/nope");
        assertEquals(1, r.exit(), r.toString());
        assertEquals("berth run: /bin/nope: no such file in the container's rootfs", r.errLine());
    }

    @Test
    void vethPutsEth0WithTheAddressInsideAndTheHostEndIsNamedAfterTheContainer() throws Exception {
        String name = "veth-" + ProcessHandle.current().pid() % 100000;
        names.add(name);
        CliRun r = berth("run", "-d", "--name", name, "--net", "veth", "--ip", "10.213.7.2/24", "--rootfs",
                rootfs.toString(), "--", "sleep", "60");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(name, r.out().strip());
        assertTrue(VethNetwork.exists(VethNetwork.hostInterfaceName(name)), "host end of the pair");
        r = berth("exec", name, "--", "sh", "-c", "ip -o addr show eth0 | grep -q 'inet 10.213.7.2/24'"
                + " && ip -o link show lo | grep -q UP");
        assertEquals(0, r.exit(), "eth0 has the address and lo is up: " + r);
        assertEquals(0, berth("rm", "-f", name).exit());
        assertFalse(VethNetwork.exists(VethNetwork.hostInterfaceName(name)), "the pair goes with the container");
    }

    @Test
    void anArchiveIsUnpackedOnceAndEveryContainerWritesToItsOwnLayer() throws Exception {
        Path tar = tmp.resolve("busybox.tar");
        Process p = new ProcessBuilder("tar", "-cf", tar.toString(), "-C", rootfs.toString(), ".").start();
        assertEquals(0, p.waitFor());
        for (int i = 0; i < 2; i++) {
            CliRun r = berth("run", "--rm", "--rootfs", tar.toString(), "--", "sh", "-c",
                    "[ ! -e /mine ] && echo x > /mine");
            assertEquals(0, r.exit(), "run " + i + " does not see the other's file: " + r);
        }
        List<Path> bases;
        try (Stream<Path> s = Files.list(stateDir.resolve(".images"))) {
            bases = s.toList();
        }
        assertEquals(1, bases.size(), bases.toString());
        assertFalse(Files.exists(bases.get(0).resolve("mine")), "the shared base stays as unpacked");
    }
}
