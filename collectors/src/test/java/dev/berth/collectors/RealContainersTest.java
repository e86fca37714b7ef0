package dev.berth.collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.collectors.testing.LiveHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discovery against real podman and LXC containers built offline from busybox-static. Skips with a reason when
 * the tools are missing; removes its containers and image in every case.
 */
@Tag("privileged")
class RealContainersTest {
    private final String name = "berth-test-" + ProcessHandle.current().pid() + "-collectors";

    @TempDir
    Path tmp;

    @BeforeEach
    void root() {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to run containers");
        assumeTrue(Files.isExecutable(Path.of("/bin/busybox")), "busybox-static is not installed");
    }

    private static Snapshot sampleTwice() throws Exception {
        Collector c = Collector.forHost(Path.of("/proc"), Path.of("/sys"), Path.of("/"), InstantSource.system());
        c.tick(TickOptions.CONTAINERS);
        Thread.sleep(500);
        return c.tick(TickOptions.CONTAINERS);
    }

    private static ContainerModel byName(Snapshot s, String name) {
        return s.containers().stream().filter(c -> c.identity().name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not among " + s.containers().stream()
                        .map(c -> c.identity().name() + "@" + c.identity().cgroup()).collect(Collectors.toList())
                        + "; warnings " + s.warnings()));
    }

    @Test
    void podmanContainerIsFoundWithItsName() throws Exception {
        assumeTrue(LiveHost.onPath("podman"), "podman is not installed");
        Path root = tmp.resolve("rootfs/bin");
        Files.createDirectories(root);
        Files.copy(Path.of("/bin/busybox"), root.resolve("busybox"));
        Path tar = tmp.resolve("rootfs.tar");
        LiveHost.run("tar", "-C", tmp.resolve("rootfs").toString(), "-cf", tar.toString(), ".");
        String image = "localhost/" + name + "-image:latest";
        try {
            LiveHost.run("podman", "import", tar.toString(), image);
            // runc rather than crun: crun refuses hybrid hosts whose cgroup2 has any controller. Lowered rlimits:
            // podman's defaults raise them, which fails without CAP_SYS_RESOURCE in a confined CI sandbox.
            String id = LiveHost.run("podman", "run", "-d", "--name", name, "--network", "none",
                    "--runtime", LiveHost.onPath("runc") ? "runc" : "crun", "--ulimit", "nofile=1024:1024",
                    "--ulimit", "nproc=1024:1024", image, "/bin/busybox", "sleep", "300").strip();
            ContainerModel m = byName(sampleTwice(), name);
            assertEquals(ContainerRuntime.PODMAN, m.identity().runtime());
            assertEquals(id, m.identity().id());
            assertEquals(ContainerState.RUNNING, m.state());
            assertFalse(m.identity().pids().isEmpty());
            assertFalse(m.identity().netns().orElseThrow().host(), "--network none is a namespace of its own");
            assertTrue(m.memory().usageBytes().isPresent());
            assertTrue(m.cpu().percent().isPresent());
            assertEquals(List.of("lo"), m.net().interfaces().stream().map(i -> i.name()).toList());
        } finally {
            runQuietly("podman", "rm", "-f", "-t", "0", name);
            runQuietly("podman", "rmi", "-f", image);
        }
    }

    @Test
    void lxcContainerIsFoundByName() throws Exception {
        assumeTrue(LiveHost.onPath("lxc-create") && Files.exists(Path.of("/usr/share/lxc/templates/lxc-busybox")),
                "lxc and its busybox template are not installed");
        try {
            LiveHost.run("lxc-create", "-n", name, "-t", "busybox");
            Path config = Path.of("/var/lib/lxc", name, "config");
            // No bridge on a CI box: an empty network namespace. No AppArmor profile to load either.
            String cfg = Files.readString(config).lines()
                    .filter(l -> !l.startsWith("lxc.net.0.") && !l.startsWith("lxc.apparmor."))
                    .collect(Collectors.joining("\n", "", "\nlxc.net.0.type = empty\nlxc.apparmor.profile = unconfined\n"));
            Files.writeString(config, cfg);
            LiveHost.run("lxc-start", "-n", name, "-d");
            ContainerModel m = byName(sampleTwice(), name);
            assertEquals(ContainerRuntime.LXC, m.identity().runtime());
            assertEquals(name, m.identity().id());
            assertEquals(ContainerState.RUNNING, m.state());
            assertTrue(m.identity().cgroup().endsWith(name), m.identity().cgroup());
            assertTrue(m.pids().current().getAsLong() >= 1);
            assertFalse(m.identity().netns().orElseThrow().host());
        } finally {
            runQuietly("lxc-stop", "-n", name, "-k");
            runQuietly("lxc-destroy", "-n", name);
            removeLxcCgroups(name);
        }
    }

    /**
     * The cgroups LXC made for this test's container and leaves behind when a start aborts ({@code lxc.monitor.NAME},
     * {@code lxc.payload.NAME} in every hierarchy; seen in a chroot where the start failed): removed deepest first,
     * each only once empty (rmdir refuses a populated one).
     */
    private static void removeLxcCgroups(String name) {
        try (java.util.stream.Stream<Path> hierarchies = Files.list(Path.of("/sys/fs/cgroup"))) {
            for (Path h : hierarchies.toList()) {
                for (String prefix : java.util.List.of("lxc.monitor.", "lxc.payload.")) {
                    Path top = h.resolve(prefix + name);
                    if (!Files.isDirectory(top, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        continue;
                    }
                    try (java.util.stream.Stream<Path> w = Files.walk(top)) {
                        for (Path d : w.filter(Files::isDirectory)
                                .sorted(java.util.Comparator.comparingInt(Path::getNameCount).reversed()).toList()) {
                            Files.deleteIfExists(d);
                        }
                    } catch (java.io.IOException | java.io.UncheckedIOException e) {
                        System.out.println("cleanup: " + top + ": " + e);
                    }
                }
            }
        } catch (java.io.IOException e) {
            System.out.println("cleanup: /sys/fs/cgroup: " + e);
        }
    }

    private static void runQuietly(String... command) {
        try {
            LiveHost.run(command);
        } catch (Exception e) {
            // cleanup of something that may not exist (the test failed before creating it)
        }
    }
}
