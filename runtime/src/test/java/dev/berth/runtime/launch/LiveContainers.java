package dev.berth.runtime.launch;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.CgroupFsProber;
import dev.berth.runtime.ContainerName;
import dev.berth.runtime.RuntimeConfig;
import dev.berth.runtime.net.VethNetwork;
import dev.berth.runtime.state.ProcessProbe;
import dev.berth.runtime.state.StateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;

/**
 * Test support for live launches: a busybox rootfs, a state dir and a cgroup parent named for the
 * test ({@code /berth-test-<what>-<pid>}) that {@link #close} removes with everything under it.
 * Skips (assumption) without root, busybox, cgroups or the C helper.
 */
final class LiveContainers {
    final Path rootfs;
    final Path stateDir;
    final String cgroupParent;
    final CgroupFs cgroups;
    final StateStore store;
    final Launcher launcher;
    final Execer execer;
    final HelperBinary helper;

    LiveContainers(Path tmp, String what) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root (namespaces, mounts, cgroups)");
        assumeTrue(BusyboxRootfs.available(), "needs a static busybox at /bin/busybox (apt install busybox-static)");
        helper = HelperBinary.locate(tmp.resolve("bin"));
        assumeTrue(helper.path().isPresent(), helper.unavailableReason().orElse(""));
        cgroups = CgroupFs.open(new CgroupFsProber(Path.of("/proc"), Path.of("/sys")).probe());
        rootfs = BusyboxRootfs.create(tmp.resolve("rootfs"));
        stateDir = tmp.resolve("state");
        cgroupParent = "/berth-test-" + what + "-" + ProcessHandle.current().pid();
        store = new StateStore(stateDir);
        RuntimeConfig config = new RuntimeConfig(stateDir, cgroupParent);
        ProcessProbe probe = new ProcessProbe(Path.of("/proc"));
        launcher = new Launcher(config, cgroups, helper, store, new VethNetwork(), probe, InstantSource.system());
        execer = new Execer(cgroups, helper, store, probe);
    }

    /** Waits for a detached container to exit and returns its exit status. */
    int awaitExit(ContainerName name, Duration timeout) throws InterruptedException {
        Path file = store.containerDir(name).resolve(StateStore.EXIT_STATUS_FILE);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            var code = store.readExitStatus(name);
            if (code.isPresent()) {
                return code.get();
            }
            Thread.sleep(10);
        }
        throw new AssertionError("container " + name + " did not exit within " + timeout + " (no " + file + ")");
    }

    /** The detached container's output so far. */
    String output(ContainerName name) throws IOException {
        return Files.readString(store.logPath(name));
    }

    /** Kills the container's processes and removes its cgroup and state, like {@code berth rm -f}. */
    void remove(ContainerName name) throws Exception {
        Launcher.removeCgroup(cgroups, cgroupParent + "/" + name.value());
        store.delete(name);
    }

    /** Every cgroup below the test's parent. */
    List<String> leftoverCgroups() throws CgroupException {
        return cgroups.listCgroups().stream().filter(p -> p.startsWith(cgroupParent + "/")).toList();
    }

    /** Removes every cgroup under the test's parent, and the parent. */
    void close() throws Exception {
        if (cgroups == null) {
            return;
        }
        List<String> mine = cgroups.listCgroups().stream()
                .filter(p -> p.equals(cgroupParent) || p.startsWith(cgroupParent + "/"))
                .sorted(Comparator.comparing(String::length).reversed()).toList();
        for (String p : mine) {
            Launcher.removeCgroup(cgroups, p);
        }
    }
}
