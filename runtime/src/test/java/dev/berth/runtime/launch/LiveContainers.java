package dev.berth.runtime.launch;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

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
    List<String> leftoverCgroups() throws IOException {
        return mine().stream().filter(p -> p.startsWith(cgroupParent + "/")).toList();
    }

    /**
     * The test's parent and every cgroup below it, in any hierarchy. Walks the parent's directories only: a walk of
     * the whole tree fails when another process's cgroups come and go meanwhile (another test on a shared machine).
     */
    private List<String> mine() throws IOException {
        Set<String> out = new TreeSet<>();
        Set<Path> mounts = new LinkedHashSet<>(cgroups.probe().v1Mounts().values());
        cgroups.probe().unifiedMount().ifPresent(mounts::add);
        for (Path m : mounts) {
            Path top = m.resolve(cgroupParent.substring(1));
            if (Files.isDirectory(top)) {
                try (Stream<Path> w = Files.walk(top)) {
                    w.filter(Files::isDirectory).forEach(d -> out.add("/" + m.relativize(d)));
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** Removes every cgroup under the test's parent, and the parent. */
    void close() throws Exception {
        if (cgroups == null) {
            return;
        }
        for (String p : mine().stream().sorted(Comparator.comparing(String::length).reversed()).toList()) {
            Launcher.removeCgroup(cgroups, p);
        }
    }
}
