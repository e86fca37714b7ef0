package dev.berth.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.cgroupctl.CgroupFs;
import dev.berth.runtime.ContainerName;
import dev.berth.runtime.state.ContainerRecord;
import dev.berth.runtime.state.ContainerStatus;
import dev.berth.runtime.state.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 10 defect 2: {@code kill} and {@code stop} of a container whose foreground {@code berth run --rm} removes
 * it as soon as it dies succeed (they printed "no such container" and exited 1). The foreground run is a separate
 * JVM on the test's class path; everything lives under a test-named cgroup parent and a temp state dir.
 */
@Tag("privileged")
class ForegroundRmControlTest {
    @org.junit.jupiter.api.io.TempDir
    Path tmp;
    CgroupFs fs;
    String parent;
    Path stateDir;
    Path rootfs;
    Process foreground;

    @BeforeEach
    void setUp() throws Exception {
        fs = LiveCgroup.hostCgroupFs();
        Path busybox = Path.of("/bin/busybox");
        Assumptions.assumeTrue(Files.isExecutable(busybox), "busybox-static is not installed");
        rootfs = tmp.resolve("rootfs");
        for (String d : List.of("bin", "proc", "dev", "sys", "tmp", "etc")) {
            Files.createDirectories(rootfs.resolve(d));
        }
        Files.copy(busybox, rootfs.resolve("bin/busybox"));
        for (String applet : List.of("sh", "sleep")) {
            Files.createSymbolicLink(rootfs.resolve("bin/" + applet), Path.of("busybox"));
        }
        stateDir = tmp.resolve("state");
        parent = "/berth-test-fgrm-" + ProcessHandle.current().pid();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (foreground != null && foreground.isAlive()) {
            foreground.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (fs != null && fs.cgroup(parent).exists()) {
            fs.cgroup(parent).killAll(Duration.ofSeconds(10));
            fs.remove(parent);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"kill", "stop"})
    void killAndStopOfAForegroundRunRmContainerSucceed(String verb) throws Exception {
        String name = "fg-" + verb;
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--state-dir", stateDir.toString(), "--cgroup-parent", parent,
                "run", "--rm", "--name", name, "--rootfs", rootfs.toString(), "--", "/bin/sleep", "600"));
        foreground = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(tmp.resolve("fg.out").toFile()).redirectError(tmp.resolve("fg.err").toFile()).start();
        StateStore store = new StateStore(stateDir);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Optional<ContainerRecord> r = Optional.empty();
        while (System.nanoTime() < deadline && foreground.isAlive()) {
            r = store.load(ContainerName.of(name));
            if (r.isPresent() && r.get().status() == ContainerStatus.RUNNING) {
                break;
            }
            Thread.sleep(50);
        }
        assertTrue(r.isPresent() && r.get().status() == ContainerStatus.RUNNING, "the foreground run started: "
                + Files.readString(tmp.resolve("fg.err")));

        CliRun result = CliRun.of("--state-dir", stateDir.toString(), "--cgroup-parent", parent, verb, name);

        assertEquals(0, result.exit(), result.toString());
        assertEquals(name, result.out().strip());
        assertTrue(foreground.waitFor(30, TimeUnit.SECONDS), "the foreground berth exited");
        assertEquals(Optional.empty(), store.load(ContainerName.of(name)), "--rm removed it");
    }
}
