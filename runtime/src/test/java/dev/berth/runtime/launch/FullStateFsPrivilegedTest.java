package dev.berth.runtime.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.runtime.ContainerName;
import dev.berth.runtime.RuntimeConfig;
import dev.berth.runtime.control.Lifecycle;
import dev.berth.runtime.control.LogReader;
import dev.berth.runtime.control.PosixSignaller;
import dev.berth.runtime.state.ContainerRecord;
import dev.berth.runtime.state.ContainerStatus;
import dev.berth.runtime.state.ProcessProbe;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 defect 4: a state filesystem that fills up while a detached container runs. Before the
 * fix the monitor could not create its exit-status file (the code was lost), and logs, stop, rm and
 * rm -f each failed with "No space left on device" because they recorded the exit before anything
 * else, so berth could not free the space. The state dir is a 1 MiB tmpfs the test mounts.
 */
@Tag("privileged")
class FullStateFsPrivilegedTest {
    @TempDir
    Path tmp;
    private LiveContainers live;
    private Path mount;

    @AfterEach
    void tearDown() throws Exception {
        if (live != null) {
            live.close();
        }
        if (mount != null) {
            new ProcessBuilder("umount", "-l", mount.toString()).inheritIO().start().waitFor();
        }
    }

    private void mountSmallTmpfs() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to mount a tmpfs");
        mount = Files.createDirectories(tmp.resolve("state"));
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m,mode=0711", "berth-test-full", mount.toString())
                .inheritIO().start();
        if (p.waitFor() != 0) {
            mount = null;
            assumeTrue(false, "cannot mount a tmpfs here");
        }
    }

    /** Writes a file until the filesystem says ENOSPC. */
    private static void fill(Path dir) throws IOException {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(dir.resolve("filler"))) {
            while (true) {
                out.write(block);
            }
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).contains("No space left")) {
                throw e;
            }
        }
    }

    @Test
    void theExitCodeIsKeptAndLogsStopAndRmWorkOnAFullStateFilesystem() throws Exception {
        mountSmallTmpfs();
        live = new LiveContainers(tmp, "fullfs");
        ContainerName name = ContainerName.of("full");
        Path go = tmp.resolve("go");
        Files.createDirectories(go);
        live.launcher.start(LaunchSpec.of(live.rootfs, List.of("sh", "-c",
                "echo started; while [ ! -e /go/now ]; do sleep 0.05; done; exit 7"))
                .withName(name).withDetached(true)
                .withVolumes(List.of(Volume.parse(go + ":/go"))), LaunchHooks.NONE);
        Lifecycle lifecycle = new Lifecycle(new RuntimeConfig(live.stateDir, live.cgroupParent), live.store,
                live.cgroups, new ProcessProbe(Path.of("/proc")), new PosixSignaller(), InstantSource.system());
        // the container's first line must be in its log before the filesystem fills, or it is lost to ENOSPC
        // (a slow start under load did that): wait for it, bounded
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String before = "";
        while (!before.equals("started\n") && System.nanoTime() < deadline) {
            ByteArrayOutputStream early = new ByteArrayOutputStream();
            new LogReader(lifecycle).copy(name, early, false);
            before = early.toString(StandardCharsets.UTF_8);
            if (!before.equals("started\n")) {
                Thread.sleep(20);
            }
        }
        assertEquals("started\n", before, "the container's first line, before the filesystem fills");
        fill(mount);
        Files.writeString(go.resolve("now"), "");
        assertEquals(7, live.awaitExit(name, Duration.ofSeconds(20)), "the monitor's status on a full filesystem");

        ContainerRecord r = lifecycle.get(name);
        assertEquals(ContainerStatus.EXITED, r.status());
        assertEquals(7, r.exitCode());
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        new LogReader(lifecycle).copy(name, log, false);
        assertEquals("started\n", log.toString(StandardCharsets.UTF_8));
        assertEquals(7, lifecycle.stop(name, Duration.ofSeconds(1)).exitCode());
        lifecycle.remove(name, true);
        assertFalse(Files.exists(live.store.containerDir(name)));
        assertEquals(List.of(), live.leftoverCgroups());
        assertThrows(dev.berth.runtime.ContainerNotFoundException.class, () -> lifecycle.get(name));
    }
}
