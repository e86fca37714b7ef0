package dev.berth.runtime.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.cgroupctl.Cgroup;
import dev.berth.cgroupctl.CpuMax;
import dev.berth.cgroupctl.CpuQuotaEvidence;
import dev.berth.cgroupctl.Limit;
import dev.berth.cgroupctl.Resources;
import dev.berth.runtime.ContainerName;
import dev.berth.runtime.state.ContainerStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
        // The kernel's own counters, not a wall-clock rate (a loaded host or the TCG guest starves the burner):
        // throttled, and at most the quota per elapsed period over 20 periods (CpuQuotaEvidence).
        CpuQuotaEvidence.Window w = CpuQuotaEvidence.await(cg, half, 20, Duration.ofSeconds(120));
        System.out.println("LIVE cpu of a container launched with --cpus 0.5: " + w);
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

    /**
     * Calls Docker's default profile refuses (seccomp-probe.c names each): EPERM for every one but clone3, which
     * gets ENOSYS so that libc falls back to clone. Most are refused by the missing capabilities as well; the
     * last seven only by the profile ({@link #PROFILE_ONLY}).
     */
    private static final List<String> REFUSED = List.of("mount", "umount2", "pivot_root", "unshare-user",
            "unshare-mount", "clone-newuser", "clone-newnet", "setns", "reboot", "kexec_load", "init_module",
            "delete_module", "add_key", "keyctl", "bpf", "perf_event_open", "swapon", "open_by_handle_at", "acct",
            "clock_settime", "iopl", "sethostname", "fsopen", "clone3", "personality-addr-no-randomize",
            "socket-vsock", "kcmp", "get_mempolicy", "sysfs", "x32-getpid");
    /** Refused by the profile although Docker's default capabilities allow them: what tells a filter is there. */
    private static final List<String> PROFILE_ONLY = List.of("clone3", "personality-addr-no-randomize",
            "socket-vsock", "kcmp", "get_mempolicy", "sysfs", "x32-getpid");
    /** What every program needs: allowed. */
    private static final List<String> ALLOWED = List.of("getpid", "loopback-tcp", "fork", "personality-query",
            "clone-plain", "mknod-char");

    /** Where the probe is built when the build did not build it, once for the class. */
    @TempDir
    static Path probeDir;

    /**
     * Copies the static seccomp probe into the rootfs as /probe: the one the build made next to the test classes
     * (runtime/pom.xml, with the helper), else src/test/c/seccomp-probe.c built here once for the class.
     */
    private void installProbe() throws Exception {
        Path classes = Path.of(LauncherPrivilegedTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path built = classes.resolve("seccomp-probe");
        if (!Files.isExecutable(built)) {
            built = probeDir.resolve("probe");
            if (!Files.exists(built)) {
                assumeTrue(Files.isExecutable(Path.of("/usr/bin/cc")), "needs a C compiler to build the seccomp probe");
                // the source from this class's location: the working directory is another module's when the v2
                // guest runs this class (testing/v2vm)
                Path source = classes.resolveSibling("../src/test/c/seccomp-probe.c").normalize();
                assertTrue(Files.isRegularFile(source), "no seccomp probe source at " + source);
                Process p = new ProcessBuilder("cc", "-static", "-O1", "-o", built.toString(), source.toString())
                        .redirectErrorStream(true).start();
                String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertEquals(0, p.waitFor(), "cc -static seccomp-probe.c (libc6-dev has libc.a): " + log);
            }
        }
        Files.copy(built, live.rootfs.resolve("probe"), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
    }

    private static Map<String, String> seccompStatus(String out) {
        return keyValues(out.lines().filter(l -> l.startsWith("Seccomp")).map(l -> l.replace(":", "=").replace("\t", ""))
                .collect(Collectors.joining("\n")));
    }

    /** Issue 10: Docker's default seccomp profile, seen from inside a container. */
    @Test
    void defaultSeccompProfileRefusesWhatDockersRefusesAndNormalWorkRuns() throws Exception {
        installProbe();
        Map<String, String> kv = keyValues(run(sh("sc-default", "/probe")));
        for (String call : ALLOWED) {
            assertEquals("ok", kv.get(call), call + " must work: " + kv);
        }
        List<String> refused = new ArrayList<>();
        for (String call : REFUSED) {
            assertEquals(call.equals("clone3") ? "E38" : "E1", kv.get(call), call + ": " + kv);
            refused.add(call);
        }
        System.out.println("LIVE seccomp default profile: " + refused.size() + " calls refused inside a container ("
                + (refused.size() - 1) + " EPERM, clone3 ENOSYS), " + ALLOWED.size() + " allowed: " + refused);
        Map<String, String> st = seccompStatus(run(sh("sc-status", "grep ^Seccomp /proc/self/status; ls / > /dev/null;"
                + " sleep 0.1; echo hello | cat")));
        assertEquals("2", st.get("Seccomp"), "mode 2 (filter): " + st);
        assertEquals("1", st.get("Seccomp_filters"), st.toString());
    }

    @Test
    void unconfinedRunsWithoutAFilterAndTheProfileOnlyRefusalsGoThrough() throws Exception {
        installProbe();
        Map<String, String> kv = keyValues(run(sh("sc-unconfined", "grep ^Seccomp /proc/self/status | tr -d '\\t' "
                + "| tr ':' '='; /probe").withSeccomp(SeccompProfile.UNCONFINED)));
        assertEquals("0", kv.get("Seccomp"), "no filter: " + kv);
        for (String call : ALLOWED) {
            assertEquals("ok", kv.get(call), call + ": " + kv);
        }
        for (String call : PROFILE_ONLY) {
            assertNotEquals("E1", kv.get(call), call + " was refused without the profile: " + kv);
        }
        // what the missing capabilities refuse stays refused
        assertEquals("E1", kv.get("mount"), kv.toString());
        System.out.println("LIVE seccomp unconfined: not refused with EPERM without the profile: " + REFUSED.stream()
                .filter(call -> !"E1".equals(kv.get(call))).map(call -> call + "=" + kv.get(call)).toList());
    }

    @Test
    void execRunsUnderTheContainersProfile() throws Exception {
        for (SeccompProfile p : SeccompProfile.values()) {
            ContainerName name = ContainerName.of("sc-exec-" + p);
            live.launcher.start(sh(name.value(), "sleep 60").withSeccomp(p).withDetached(true), LaunchHooks.NONE);
            assertEquals(0, live.execer.exec(name, new ExecSpec(List.of("sh", "-c",
                    "grep ^Seccomp: /proc/self/status > /tmp/sc-" + p), false, false, List.of(), Optional.empty(),
                    Optional.empty())));
            Path out = live.rootfs.resolve("tmp/sc-" + p);
            assertEquals(p == SeccompProfile.DEFAULT ? "2" : "0", seccompStatus(Files.readString(out)).get("Seccomp"),
                    "exec into a container with profile " + p);
            Files.delete(out);
            live.remove(name);
        }
    }

    /**
     * Device nodes outside runc's list that this host lets root open ({@code loop0}, {@code fuse},
     * {@code loop-control}): inside a container only the devices cgroup can refuse them, so a refusal there is
     * the allow-list's. (A node this host refuses even to root, as its root disk here, would prove nothing.)
     * Each as {@code TYPE MAJOR MINOR}.
     */
    private static List<String> hostOpenableDevices() {
        List<String> out = new ArrayList<>();
        for (String dev : List.of("/dev/loop0", "/dev/fuse", "/dev/loop-control")) {
            Path p = Path.of(dev);
            try (var ch = java.nio.channels.FileChannel.open(p, java.nio.file.StandardOpenOption.READ)) {
                long rdev = (Long) Files.getAttribute(p, "unix:rdev");
                long major = ((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL);
                long minor = (rdev & 0xff) | ((rdev >>> 12) & ~0xffL);
                int mode = (Integer) Files.getAttribute(p, "unix:mode");
                out.add(((mode & 0170000) == 0060000 ? "b" : "c") + " " + major + " " + minor);
            } catch (java.io.IOException | UnsupportedOperationException e) {
                // absent, or refused to root on this host: not a test of the allow-list
            }
        }
        return out;
    }

    /** A script that makes a node for each device and tries to open it (a redirection opens without reading). */
    private static String openEach(List<String> devices) {
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < devices.size(); i++) {
            script.append("mknod /dev/berth-").append(i).append(' ').append(devices.get(i)).append(';')
                    .append(" if ( : < /dev/berth-").append(i).append(" ) 2> /tmp/dev-err; then echo dev").append(i)
                    .append("=opened; else echo dev").append(i).append("=$(cat /tmp/dev-err); fi;");
        }
        return script + " echo null=$(head -c1 /dev/null | wc -c) zero=$(head -c4 /dev/zero | wc -c)"
                + " urandom=$(head -c4 /dev/urandom | wc -c) full=$(head -c4 /dev/full | wc -c)";
    }

    /** Checks {@link #openEach}'s output: every device refused with EPERM, the four allowed ones usable. */
    private static void assertRefusedAndUsable(List<String> devices, String out) {
        Map<String, String> kv = new java.util.TreeMap<>();
        out.lines().forEach(l -> {
            for (String w : l.startsWith("null=") ? l.split(" ") : new String[] {l}) {
                int eq = w.indexOf('=');
                if (eq > 0) {
                    kv.put(w.substring(0, eq), w.substring(eq + 1));
                }
            }
        });
        for (int i = 0; i < devices.size(); i++) {
            String v = kv.get("dev" + i);
            assertTrue(v != null && v.contains("Operation not permitted"), devices.get(i) + " inside: " + out);
        }
        assertEquals("0", kv.get("null"), out);
        assertEquals("4", kv.get("zero"), out);
        assertEquals("4", kv.get("urandom"), out);
        assertEquals("4", kv.get("full"), out);
    }

    /**
     * Issue 10: runc's device allow-list, seen from inside a container: on v1 (and hybrid) the devices
     * controller's list, which the kernel lists back; on v2 the BPF program alone.
     */
    @Test
    void devicesOutsideTheAllowListCannotBeOpenedFromInside() throws Exception {
        ContainerName name = ContainerName.of("devices");
        List<String> devices = hostOpenableDevices();
        assumeTrue(!devices.isEmpty(), "no device outside the allow-list that root may open on this host");
        RunningContainer c = live.launcher.start(sh("devices", openEach(devices)).withDetached(true), LaunchHooks.NONE);
        assertEquals(List.of(), c.warnings(), "the allow-list is enforced");
        assertEquals(0, live.awaitExit(name, EXIT_TIMEOUT), live.output(name));
        assertRefusedAndUsable(devices, live.output(name));
        Path v1 = live.cgroups.probe().v1Mounts().get("devices");
        if (v1 != null) {
            Path list = v1.resolve(live.cgroupParent.substring(1)).resolve("devices/devices.list");
            assertEquals(Launcher.DEFAULT_DEVICES.stream().map(dev.berth.cgroupctl.DeviceRule::toV1).sorted().toList(),
                    Files.readAllLines(list).stream().sorted().toList());
        }
        System.out.println("LIVE devices allow-list: " + devices.size() + " device opens refused inside a container "
                + devices + " (each opened by root on the host), /dev/null, zero, urandom, full usable");
        live.remove(name);
    }

    /**
     * The BPF device program on its own: on a hybrid host the test opens the container's v1 list to every device
     * once the container exists, so only the program (on the unified hierarchy) can still refuse; on v2 it is the
     * only list anyway.
     */
    @Test
    void theBpfDeviceProgramRefusesOnItsOwn() throws Exception {
        ContainerName name = ContainerName.of("bpfdev");
        List<String> devices = hostOpenableDevices();
        assumeTrue(!devices.isEmpty(), "no device outside the allow-list that root may open on this host");
        RunningContainer c = live.launcher.start(sh("bpfdev", "while [ ! -e /tmp/bpf-go ]; do sleep 0.05; done; "
                + openEach(devices)).withDetached(true), LaunchHooks.NONE);
        Cgroup cg = live.cgroups.cgroup(live.cgroupParent + "/bpfdev");
        if (cg.cgroup2Directory().isEmpty()) {
            Files.writeString(live.rootfs.resolve("tmp/bpf-go"), "");
            live.awaitExit(name, EXIT_TIMEOUT);
            live.remove(name);
            assumeTrue(false, "no cgroup2 hierarchy on this host: no BPF device program");
        }
        Path v1 = live.cgroups.probe().v1Mounts().get("devices");
        if (v1 != null) {
            Path allow = v1.resolve(live.cgroupParent.substring(1)).resolve("bpfdev/devices.allow");
            Files.writeString(allow, "a");
            assertEquals("a *:* rwm", Files.readString(allow.resolveSibling("devices.list")).strip());
        }
        Files.writeString(live.rootfs.resolve("tmp/bpf-go"), "");
        assertEquals(0, live.awaitExit(name, EXIT_TIMEOUT), live.output(name));
        Files.delete(live.rootfs.resolve("tmp/bpf-go"));
        assertRefusedAndUsable(devices, live.output(name));
        assertEquals(List.of(), c.warnings());
        System.out.println("LIVE devices BPF program alone (v1 list opened to all): " + devices.size()
                + " device opens refused inside a container " + devices);
        live.remove(name);
    }
}
