package dev.berth.v2vm;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * The live tests, run again inside a pure cgroup v2 guest (QEMU TCG, see {@code testing/v2vm/README.md}): each
 * factory boots the guest once, runs its selection there with the JUnit Platform console launcher, and returns one
 * dynamic test per test case the guest ran, so a guest failure is a failure here, a guest skip a skip with the
 * guest's reason, and the guest's {@code LIVE} figures land in this test's output. Skips as a whole where
 * {@code v2vm.sh} says the guest cannot be had (no qemu, no kernel package, not root).
 */
@Tag("privileged")
class V2GuestTest {
    /**
     * Pure v2, cgroup2 alone at /sys/fs/cgroup with every controller, the tests in the root cgroup (as root on a
     * host without systemd). Chosen to cover every v2 file berth reads or writes, within the guest budget.
     */
    static final List<String> PURE_V2 = List.of(
            // every v2 writer changes behaviour; controller availability; cpu.max, freeze, cgroup.kill, removal
            "dev.berth.cgroupctl.LiveV2Test",
            "dev.berth.cgroupctl.LiveCgroupTest",
            "dev.berth.cgroupctl.LiveFreezeKillTest",
            // CPU, memory, IO and net read as what was done
            "dev.berth.collectors.FidelityTest",
            // berth set --memory below the working set is refused before writing
            "dev.berth.tui.cli.ForeignCgroupControlTest#setBelowMemoryUsageFailsAndLeavesEveryLimitAsItWas",
            // berth run end to end with its limits, then berth set on its container (freeze, thaw and kill
            // through berth are LiveV2CliTest's, on a crun/runc container)
            "dev.berth.tui.cli.OwnContainerControlTest#setChangesTheQuotaLiveAndTheContainerFollowsIt",
            // ps, set, freeze, thaw, kill on a crun/runc container; ps of a cgroup without controllers
            "dev.berth.tui.cli.LiveV2CliTest",
            // berth's own launches on v2 (issue 10's security defaults from inside): namespaces, Docker's
            // capabilities, masked paths, overlay, volumes, exec (setns), limits at launch, the seccomp profile,
            // the device allow-list as the v2 BPF program alone
            "dev.berth.runtime.launch.LauncherPrivilegedTest",
            // failing launches of every kind leave no v2 cgroup, veth, mount or process (24 here, for time)
            "dev.berth.runtime.launch.FailedLaunchPrivilegedTest",
            // a read of a removed v2 cgroup's open file is told apart as gone
            "dev.berth.cgroupctl.kernfs.LiveKernfsTest",
            // a podman container (cgroupfs manager, no systemd) found on v2 with its name
            "dev.berth.collectors.RealContainersTest#podmanContainerIsFoundWithItsName",
            // an LXC container (lxc.payload.NAME on v2) found with its name
            "dev.berth.collectors.RealContainersTest#lxcContainerIsFoundByName",
            // berth run in the foreground: its exit status, a veth into the container, an image archive unpacked
            // once with a layer per container
            "dev.berth.tui.cli.RunCommandPrivilegedTest",
            // a full state filesystem: the exit code kept, logs, stop and rm still work (issue 10)
            "dev.berth.runtime.launch.FullStateFsPrivilegedTest");

    /** System properties of the pure-v2 guest's JVM: shorter variants of long tests. */
    static final Map<String, String> PURE_V2_PROPERTIES = Map.of("berth.failedLaunches", "24");

    /** A systemd-style delegated subtree (nsdelegate, a cgroup namespace, no cpuset delegated). */
    static final List<String> DELEGATED = List.of(
            "dev.berth.cgroupctl.LiveDelegationTest");

    @TestFactory
    Stream<DynamicNode> pureV2() throws Exception {
        // The limits guard against a hung guest; on an idle machine the runs take a fraction of them (README).
        return boot("pure-v2", false, selection("v2vm.select", PURE_V2), PURE_V2_PROPERTIES, Duration.ofMinutes(12));
    }

    @TestFactory
    Stream<DynamicNode> delegatedSubtree() throws Exception {
        return boot("delegated", true, selection("v2vm.select.delegated", DELEGATED), Map.of(), Duration.ofMinutes(4));
    }

    /** The classes named in the system property (comma-separated; to run a few while working), else the default. */
    private static List<String> selection(String property, List<String> dflt) {
        String p = System.getProperty(property, "").strip();
        return p.isEmpty() ? dflt : List.of(p.split("\\s*,\\s*"));
    }

    private static Stream<DynamicNode> boot(String label, boolean nsdelegate, List<String> classes,
            Map<String, String> properties, Duration limit) throws Exception {
        // On by default (CI runs it): the checks assert the kernel's guarantees, not wall-clock rates, and passed 6
        // runs in a row under load with the guest part at 285-375 s (testing/v2vm/README.md). BERTH_V2VM=0 (or
        // -Dberth.v2vm=false) skips it on a machine where five more minutes of tests are not wanted; v2vm.sh skips
        // with the reason wherever the guest cannot be had (no root, no qemu, no TCG).
        Assumptions.assumeFalse("false".equals(System.getProperty("berth.v2vm")) || "0".equals(System.getenv("BERTH_V2VM")),
                "the pure-v2 guest was turned off: BERTH_V2VM=0 or -Dberth.v2vm=false");
        Path script = Path.of(System.getProperty("v2vm.script", "v2vm.sh"));
        Assumptions.assumeTrue(Files.isExecutable(script), "no v2vm.sh at " + script);
        Path out = Path.of(System.getProperty("v2vm.out", "target/guest-runs")).toAbsolutePath().resolve(label);
        deleteTree(out);
        Assumptions.assumeTrue(System.getProperty("v2vm.classpath") != null,
                "run through Maven: the guest's class path comes from the v2vm.classpath property");
        String cp = Files.readString(Path.of(System.getProperty("v2vm.classpath"))).strip() + ":"
                + System.getProperty("v2vm.test.classes");
        GuestRun.Result r = new GuestRun(script, cp, out).run(nsdelegate, classes, properties, limit);
        System.out.printf("V2VM %s: guest exit %d, %.1f s on the host clock%n%s", label, r.exitStatus(),
                r.took().toMillis() / 1000.0, r.stderr());
        if (r.exitStatus() == GuestRun.SKIP) {
            Assumptions.abort(r.stderr().lines().filter(l -> l.startsWith("v2vm: skip: ")).findFirst()
                    .map(l -> l.substring("v2vm: skip: ".length())).orElse("v2vm.sh skipped"));
        }
        // The console launcher exits 0 when everything passed, 1 when a test failed; anything else (the guest hit
        // its time limit, a JVM crashed, no test found) is a failure of the run as a whole.
        if (r.exitStatus() != 0 && r.exitStatus() != 1 || !Files.isDirectory(r.reportsDir())) {
            fail("guest run " + label + " ended with status " + r.exitStatus() + " and "
                    + (Files.isDirectory(r.reportsDir()) ? "reports" : "no reports") + "\n" + r.stderr()
                    + r.consoleTail());
        }
        List<GuestReport.TestCase> cases = GuestReport.read(r.reportsDir());
        Map<String, List<GuestReport.TestCase>> byClass = new LinkedHashMap<>();
        for (GuestReport.TestCase c : cases) {
            byClass.computeIfAbsent(c.className(), k -> new ArrayList<>()).add(c);
        }
        for (String c : classes) {
            String cls = c.contains("#") ? c.substring(0, c.indexOf('#')) : c;
            assertTrue(byClass.containsKey(cls), "the guest ran no test of " + c + "\n" + r.consoleTail());
        }
        long failed = cases.stream().filter(c -> c.outcome() == GuestReport.Outcome.FAILED).count();
        assertTrue(r.exitStatus() == 0 || failed > 0,
                "the guest's launcher reported a failure its XML does not show\n" + r.consoleTail());
        List<DynamicNode> nodes = new ArrayList<>();
        for (Map.Entry<String, List<GuestReport.TestCase>> e : byClass.entrySet()) {
            List<DynamicNode> tests = e.getValue().stream().map(V2GuestTest::asTest).map(DynamicNode.class::cast)
                    .toList();
            nodes.add(DynamicContainer.dynamicContainer(e.getKey(), tests));
        }
        return nodes.stream();
    }

    private static DynamicTest asTest(GuestReport.TestCase c) {
        return DynamicTest.dynamicTest(c.name(), () -> {
            if (!c.systemOut().isEmpty()) {
                System.out.println(c.systemOut());
            }
            System.out.printf("V2VM %s.%s: %s in %.1f s in the guest%n", c.className(), c.name(), c.outcome(),
                    c.seconds());
            switch (c.outcome()) {
                case PASSED -> { }
                case SKIPPED -> Assumptions.abort("in the v2 guest: "
                        + (c.message().isEmpty() ? firstLine(c.detail()) : c.message()));
                case FAILED -> fail("in the v2 guest: " + c.message() + "\n" + c.detail());
            }
        });
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
