package dev.berth.runtime.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.cgroupctl.Cgroup;
import dev.berth.cgroupctl.CpuMax;
import dev.berth.cgroupctl.Limit;
import dev.berth.cgroupctl.Resources;
import dev.berth.runtime.ContainerName;
import dev.berth.runtime.state.ContainerStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live launches in real namespaces and cgroups (root only): what the container sees and is allowed. */
@Tag("privileged")
class LauncherPrivilegedTest {
    /** Docker's default capabilities by number (capability.h): the only bits CapBnd/CapEff may have. */
    private static final long DOCKER_CAPS = bits(0, 1, 3, 4, 5, 6, 7, 8, 10, 13, 18, 27, 29, 31);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path tmp;
    private LiveContainers live;

    @BeforeEach
    void setUp() throws Exception {
        live = new LiveContainers(tmp, "launch");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (live != null) {
            live.close();
        }
    }

    private static long bits(int... caps) {
        return Arrays.stream(caps).mapToLong(c -> 1L << c).reduce(0, (a, b) -> a | b);
    }

    /** Runs {@code script} detached under {@code sh -c} and returns its output once it exited 0. */
    private String run(LaunchSpec spec) throws Exception {
        ContainerName name = spec.name().orElseThrow();
        live.launcher.start(spec.withDetached(true), LaunchHooks.NONE);
        int code = live.awaitExit(name, EXIT_TIMEOUT);
        String out = live.output(name);
        assertEquals(0, code, "exit status of " + spec.command() + ", output:\n" + out);
        return out;
    }

    private LaunchSpec sh(String name, String script) {
        return LaunchSpec.of(live.rootfs, List.of("sh", "-c", script)).withName(ContainerName.of(name));
    }

    private static Map<String, String> keyValues(String out) {
        return out.lines().filter(l -> l.contains("=")).collect(Collectors.toMap(
                l -> l.substring(0, l.indexOf('=')), l -> l.substring(l.indexOf('=') + 1), (a, b) -> b));
    }

    @Test
    void containerSeesPidOneItsHostnameItsProcessesAndItsMounts() throws Exception {
        String out = run(sh("ns1", "echo pid=$$; echo host=$(hostname); echo procs=$(ls /proc | grep -c '^[0-9]');"
                + " echo mounts=$(cut -d' ' -f5 /proc/self/mountinfo | tr '\\n' ' ')")
                .withIdentity(Optional.of("box-one"), Optional.empty(), Optional.empty()));
        Map<String, String> kv = keyValues(out);
        assertEquals("1", kv.get("pid"));
        assertEquals("box-one", kv.get("host"));
        // sh (1), ls and grep (in the pipeline), and the subshell: nothing of the host's hundreds
        assertTrue(Integer.parseInt(kv.get("procs")) <= 4, "processes visible: " + kv.get("procs"));
        Set<String> mounts = Set.of(kv.get("mounts").trim().split(" "));
        assertTrue(mounts.containsAll(Set.of("/", "/proc", "/dev", "/dev/pts", "/dev/shm", "/sys")), mounts.toString());
        assertTrue(mounts.stream().noneMatch(m -> m.startsWith("/sys/fs/cgroup") || m.startsWith("/run")
                || m.startsWith("/boot") || m.startsWith(tmp.toString())), "host mounts leaked in: " + mounts);
        String host = Files.readString(Path.of("/proc/self/mountinfo"));
        assertFalse(host.contains(live.rootfs.toString()), "container mounts leaked to the host:\n" + host);
    }

    @Test
    void capabilitiesAreDockersDefaultAndNoNewPrivsIsSet() throws Exception {
        String script = "grep -E '^(CapInh|CapPrm|CapEff|CapBnd|CapAmb|NoNewPrivs)' /proc/self/status | tr -d '\\t' | tr ':' '='";
        Map<String, String> root = keyValues(run(sh("caps-root", script)));
        assertEquals(DOCKER_CAPS, Long.parseLong(root.get("CapEff"), 16), root.toString());
        assertEquals(DOCKER_CAPS, Long.parseLong(root.get("CapBnd"), 16), root.toString());
        assertEquals(0, Long.parseLong(root.get("CapInh"), 16));
        assertEquals(0, Long.parseLong(root.get("CapAmb"), 16));
        assertEquals("1", root.get("NoNewPrivs"));

        Map<String, String> nobody = keyValues(run(sh("caps-nobody", script + "; echo ids=$(id -u):$(id -g)")
                .withIdentity(Optional.empty(), Optional.of("nobody"), Optional.empty())));
        assertEquals("65534:65534", nobody.get("ids"));
        assertEquals(0, Long.parseLong(nobody.get("CapEff"), 16), "a non-root user has no effective capabilities");
        assertEquals(DOCKER_CAPS, Long.parseLong(nobody.get("CapBnd"), 16));
        assertEquals("1", nobody.get("NoNewPrivs"));
    }

    @Test
    void maskedAndReadOnlyPathsAsDockerHasThem() throws Exception {
        Map<String, String> kv = keyValues(run(sh("mask", ""
                + "if [ -s /proc/kcore ]; then echo kcore=readable; else echo kcore=hidden; fi;"
                + "echo keys=$(cat /proc/keys | wc -c); echo timers=$(cat /proc/timer_list | wc -c);"
                + "if echo 1 > /proc/sys/kernel/ns_last_pid 2>/dev/null; then echo procsys=rw; else echo procsys=ro; fi;"
                + "if touch /sys/berth 2>/dev/null; then echo sys=rw; else echo sys=ro; fi;"
                + "echo firmware=$(ls /sys/firmware | wc -l)")));
        assertEquals("hidden", kv.get("kcore"));
        assertEquals("0", kv.get("keys"));
        assertEquals("0", kv.get("timers"));
        assertEquals("ro", kv.get("procsys"));
        assertEquals("ro", kv.get("sys"));
        assertEquals("0", kv.get("firmware"));
    }

    @Test
    void overlayWritesStayInTheContainersUpperLayer() throws Exception {
        assertEquals("hello\n", run(sh("ov-a", "echo hello > /written-by-a; cat /written-by-a").withOverlay(true)));
        assertFalse(Files.exists(live.rootfs.resolve("written-by-a")), "the write reached the shared lower layer");
        assertTrue(Files.exists(live.store.containerDir(ContainerName.of("ov-a")).resolve("upper/written-by-a")));
        assertEquals("absent\n", run(sh("ov-b", "[ -e /written-by-a ] && echo present || echo absent").withOverlay(true)));
    }

    @Test
    void foregroundExitStatusIsPassedThroughAndTheCgroupGoes() throws Exception {
        RunningContainer c = live.launcher.start(sh("fg", "exit 7"), LaunchHooks.NONE);
        assertEquals(7, c.waitForExit());
        assertEquals(ContainerStatus.EXITED, live.store.load(ContainerName.of("fg")).orElseThrow().status());
        assertEquals(7, live.store.load(ContainerName.of("fg")).orElseThrow().exitCode());
        assertEquals(List.of(), live.leftoverCgroups());
    }

    @Test
    void cpuQuotaAtLaunchIsInTheCgroupAndHoldsTheContainerToIt() throws Exception {
        ContainerName name = ContainerName.of("cpu");
        CpuMax half = new CpuMax(Limit.of(50_000), 100_000);
        // Two spinning loops want two CPUs; the highest weight, on the container and on the test's
        // parent (weights are hierarchical), keeps other load on this small machine (parallel
        // builds) from starving the container below its quota, so what is measured is the quota
        // and not the host's contention.
        live.cgroups.create(live.cgroupParent).writeCpuWeight(10_000);
        live.launcher.start(sh("cpu", "while :; do :; done & while :; do :; done").withDetached(true)
                .withResources(Resources.none().withCpuMax(half).withCpuWeight(10_000),
                        Map.of("cpus", "0.5", "cpu-weight", "10000")), LaunchHooks.NONE);
        Cgroup cg = live.cgroups.cgroup(live.cgroupParent + "/cpu");
        assertEquals(half, cg.readCpuMax());
        long u0 = cg.readCpuUsage().usageUsec();
        long t0 = System.nanoTime();
        Thread.sleep(2000);
        long used = cg.readCpuUsage().usageUsec() - u0;
        double cpus = used / ((System.nanoTime() - t0) / 1000.0);
        assertEquals(0.5, cpus, 0.05, "CPUs used under a 0.5 CPU quota");
        live.remove(name);
    }

    @Test
    void memoryLimitAtLaunchOomKills() throws Exception {
        ContainerName name = ContainerName.of("mem");
        long limit = 32L << 20;
        // tail buffers its input until a newline, and /dev/zero has none: it grows until killed
        live.launcher.start(sh("mem", "tail /dev/zero").withDetached(true)
                .withResources(Resources.none().withMemoryMax(Limit.of(limit)), Map.of("memory", "32M")), LaunchHooks.NONE);
        Cgroup cg = live.cgroups.cgroup(live.cgroupParent + "/mem");
        assertEquals(Limit.of(limit), cg.readMemory().maxBytes());
        assertEquals(128 + 9, live.awaitExit(name, EXIT_TIMEOUT), "killed by SIGKILL");
        assertTrue(cg.readMemoryEvents().oomKill() >= 1, "oom_kill counted: " + cg.readMemoryEvents());
        live.remove(name);
    }

    @Test
    void execRunsInsideTheContainersNamespacesAndCgroup() throws Exception {
        ContainerName name = ContainerName.of("ex");
        RunningContainer c = live.launcher.start(sh("ex", "sleep 60").withDetached(true)
                .withIdentity(Optional.of("exhost"), Optional.empty(), Optional.empty()), LaunchHooks.NONE);
        long pid = c.record().pid();
        String script = "echo self=$$ > /tmp/exec-out; for n in pid mnt net uts ipc; do echo $n=$(readlink /proc/self/ns/$n);"
                + " done >> /tmp/exec-out; echo host=$(hostname) >> /tmp/exec-out; echo cg=$(grep -c " + live.cgroupParent
                + "/ex /proc/self/cgroup) >> /tmp/exec-out";
        int code = live.execer.exec(name, new ExecSpec(List.of("sh", "-c", script), false, false, List.of(),
                Optional.empty(), Optional.empty()));
        assertEquals(0, code);
        Map<String, String> kv = keyValues(Files.readString(live.rootfs.resolve("tmp/exec-out")));
        Files.delete(live.rootfs.resolve("tmp/exec-out"));
        for (String ns : List.of("pid", "mnt", "net", "uts", "ipc")) {
            assertEquals(Files.readSymbolicLink(Path.of("/proc/" + pid + "/ns/" + ns)).toString(), kv.get(ns), ns);
        }
        assertEquals("exhost", kv.get("host"));
        assertTrue(Integer.parseInt(kv.get("self")) > 1, "a new pid in the container's pid namespace");
        assertTrue(Integer.parseInt(kv.get("cg")) >= 1, "in the container's cgroup");
        live.remove(name);
    }

    @Test
    void volumesMountInsideTheRootfsEvenThroughTheImagesSymlinksAndRespectRo() throws Exception {
        Path vol = Files.createDirectories(tmp.resolve("vol"));
        Files.writeString(vol.resolve("f"), "from the host\n");
        // an image symlink pointing at an absolute path that must resolve inside the rootfs
        String escape = "berth-escape-" + ProcessHandle.current().pid();
        Files.createSymbolicLink(live.rootfs.resolve("evil"), Path.of("/" + escape));
        String out = run(sh("vol", "cat /evil/x/f; cat /ro/f; if touch /ro/new 2>/dev/null; then echo ro=no; else echo ro=yes; fi")
                .withVolumes(List.of(new Volume(vol, "/evil/x", false), new Volume(vol, "/ro", true))));
        assertEquals("from the host\nfrom the host\nro=yes\n", out);
        assertFalse(Files.exists(Path.of("/" + escape)), "created on the host through the image's symlink");
        assertTrue(Files.isDirectory(live.rootfs.resolve(escape + "/x")), "the mount point is inside the rootfs");
        assertFalse(Files.exists(vol.resolve("new")));
    }

    /** Issue 10 security defaults: a relative symlink climbing out with ".." cannot carry a volume out either. */
    @Test
    void aVolumeBehindARelativeDotDotSymlinkStaysInsideTheRootfs() throws Exception {
        Path vol = Files.createDirectories(tmp.resolve("vol2"));
        Files.writeString(vol.resolve("f"), "from the host\n");
        String escape = "berth-escape-up-" + ProcessHandle.current().pid();
        Files.createSymbolicLink(live.rootfs.resolve("up"), Path.of("../../../../../../../../" + escape));
        String out = run(sh("vol2", "cat /up/x/f").withVolumes(List.of(new Volume(vol, "/up/x", false))));
        assertEquals("from the host\n", out);
        assertFalse(Files.exists(Path.of("/" + escape)), "created on the host through a .. symlink");
        assertFalse(Files.exists(tmp.resolve(escape)), "created beside the rootfs through a .. symlink");
        assertTrue(Files.isDirectory(live.rootfs.resolve(escape + "/x")), "the mount point is inside the rootfs");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Volume.parse(vol + ":/a/../../etc"));
        assertTrue(e.getMessage().contains(".."), e.getMessage());
    }
}
