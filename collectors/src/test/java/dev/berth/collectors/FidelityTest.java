package dev.berth.collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.cgroupctl.Cgroup;
import dev.berth.cgroupctl.CpuMax;
import dev.berth.cgroupctl.CpuQuotaEvidence;
import dev.berth.cgroupctl.CpuStat;
import dev.berth.cgroupctl.Limit;
import dev.berth.collectors.testing.LiveHost;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fidelity against the live kernel: what berth reports for a known load is that load, within the issue's
 * tolerances. Runs as root only; every cgroup lives under a test-named parent removed afterwards, and every
 * process is one the test started. The figures measured are printed ("fidelity: ...") for the record.
 */
@Tag("privileged")
class FidelityTest {
    private static final TickOptions ALL = new TickOptions(true, false, Set.of());

    @TempDir
    Path tmp;

    @BeforeEach
    void root() {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to create cgroups");
    }

    private static Collector collector() throws Exception {
        return Collector.forHost(Path.of("/proc"), Path.of("/sys"), Path.of("/"), InstantSource.system());
    }

    private static ContainerModel find(Snapshot s, Cgroup cg) {
        return s.containers().stream().filter(c -> c.identity().cgroup().equals(cg.path())).findFirst()
                .orElseThrow(() -> new AssertionError(cg.path() + " not in " + s.containers().stream()
                        .map(c -> c.identity().cgroup()).collect(Collectors.toList()) + "; warnings " + s.warnings()));
    }

    /**
     * berth's CPU figures over its own read window are the kernel's counters over that window: the burner is frozen
     * while berth reads, so the counters cannot move during a read and the test knows exactly what berth read. The
     * quota itself is the kernel's business, checked by its counters (CpuQuotaEvidence); a rate of 50 % is not
     * asserted, since a loaded host or an emulated vCPU may give the burner less than its quota.
     */
    @Test
    void cpuUnderAHalfCoreQuotaReadsAsTheKernelCountedIt() throws Exception {
        assumeTrue(LiveHost.onPath("busybox"), "busybox is not installed");
        try (LiveHost live = new LiveHost("cpu")) {
            Cgroup cg = live.child("burn");
            CpuMax half = new CpuMax(Limit.of(50_000), 100_000);
            cg.writeCpuMax(half);
            // The highest weight, so that the quota, not the competition, is what limits the burner on a busy box
            live.fs().cgroup(live.parent()).writeCpuWeight(10_000);
            cg.writeCpuWeight(10_000);
            live.startIn(cg, "busybox", "sh", "-c", "read x; while :; do :; done");
            CpuQuotaEvidence.Window quota = CpuQuotaEvidence.await(cg, half, 20, Duration.ofSeconds(120));
            Collector c = collector();
            Read first = frozenRead(cg, c);
            CpuQuotaEvidence.Window between = CpuQuotaEvidence.await(cg, half, 20, Duration.ofSeconds(120));
            Read second = frozenRead(cg, c);
            ContainerModel m1 = find(first.snapshot(), cg);
            ContainerModel m2 = find(second.snapshot(), cg);
            long usageUsec = second.kernel().usage().usageUsec() - first.kernel().usage().usageUsec();
            long throttledUsec = second.kernel().throttling().orElseThrow().throttledUsec()
                    - first.kernel().throttling().orElseThrow().throttledUsec();
            double pct = m2.cpu().percent().getAsDouble();
            // percent = usage / berth's window: the window it implies lies between the two reads' bounds
            double window = usageUsec / 1e4 / pct;
            double shortest = (second.startNanos() - first.endNanos()) / 1e9;
            double longest = (second.endNanos() - first.startNanos()) / 1e9;
            System.out.printf("fidelity: cpu %.2f %% under a 0.5 quota (%s; of quota %.1f %%, throttled %.3f s/s) "
                    + "over berth's window of %.3f s (reads %.3f..%.3f s apart); kernel usage_usec +%d, "
                    + "throttled_usec +%d; quota: %s%n", pct, between, m2.cpu().percentOfLimit().getAsDouble(),
                    m2.cpu().throttledPerSecond().getAsDouble(), window, shortest, longest, usageUsec, throttledUsec,
                    quota);
            assertEquals(usageUsec / 1e6, m2.cpu().usageSeconds().getAsDouble() - m1.cpu().usageSeconds()
                    .getAsDouble(), 1e-9, "berth's CPU time is the kernel's usage_usec");
            first.assertThrottledWithin(m1);
            second.assertThrottledWithin(m2);
            // the two clocks (berth's InstantSource, the test's nanoTime) may differ by a few microseconds a read
            assertTrue(window >= shortest - 0.002 && window <= longest + 0.002, "berth's " + pct + " % implies a window"
                    + " of " + window + " s, outside the reads' " + shortest + ".." + longest + " s");
            assertEquals(pct / 0.5, m2.cpu().percentOfLimit().getAsDouble(), 1e-9);
            assertEquals(0.5, m2.cpu().limitCpus().getAsDouble(), 1e-9);
            assertEquals((m2.cpu().throttledSeconds().getAsDouble() - m1.cpu().throttledSeconds().getAsDouble())
                    / window, m2.cpu().throttledPerSecond().getAsDouble(), 1e-6,
                    "throttled seconds per second over the same window");
        }
    }

    /**
     * berth's tick and the kernel's counters just before and after it, read with the cgroup frozen, and when the tick
     * started and ended.
     */
    private record Read(CpuStat kernel, Snapshot snapshot, CpuStat kernelAfter, long startNanos, long endNanos) {
        /** berth's throttled time is the kernel's throttled_usec at some instant of its read. */
        void assertThrottledWithin(ContainerModel m) {
            double berth = m.cpu().throttledSeconds().getAsDouble();
            double lo = kernel.throttling().orElseThrow().throttledUsec() / 1e6;
            double hi = kernelAfter.throttling().orElseThrow().throttledUsec() / 1e6;
            assertTrue(berth >= lo - 1e-9 && berth <= hi + 1e-9, "berth's throttled " + berth + " s is not the "
                    + "kernel's throttled_usec during its read: " + lo + ".." + hi + " s");
        }
    }

    private static Read frozenRead(Cgroup cg, Collector c) throws Exception {
        cg.freeze(Duration.ofSeconds(60));
        try {
            CpuStat k = cg.readCpuStat();
            long start = System.nanoTime();
            Snapshot s = c.tick(ALL);
            long end = System.nanoTime();
            CpuStat after = cg.readCpuStat();
            assertEquals(k.usage(), after.usage(), "frozen: the usage stands still");
            return new Read(k, s, after, start, end);
        } finally {
            cg.thaw(Duration.ofSeconds(60));
        }
    }

    @Test
    void hundredMibOfAnonymousMemoryReadsAsWorkingSet() throws Exception {
        assumeTrue(LiveHost.onPath("gcc"), "gcc is needed to build the static memory helper");
        Path src = tmp.resolve("memhog.c");
        try (InputStream in = getClass().getResourceAsStream("memhog.c")) {
            Files.copy(in, src);
        }
        Path exe = tmp.resolve("memhog");
        LiveHost.run("gcc", "-static", "-O2", "-o", exe.toString(), src.toString());
        try (LiveHost live = new LiveHost("mem")) {
            Cgroup cg = live.child("hog");
            Process p = live.startIn(cg, exe.toString(), "100");
            LiveHost.await(p, "ready", Duration.ofSeconds(120));
            ContainerModel m = find(collector().tick(ALL), cg);
            double mib = m.memory().workingSetBytes().getAsLong() / 1048576.0;
            System.out.printf("fidelity: memory working set %.2f MiB (usage %.2f MiB, anon %.2f MiB) for 100 MiB%n",
                    mib, m.memory().usageBytes().getAsLong() / 1048576.0,
                    m.memory().anonBytes().getAsLong() / 1048576.0);
            assertEquals(100.0, mib, 2.0);
        }
    }

    @Test
    void sixtyFourMibDirectWriteReadsAsWritten() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("/var/tmp"), "berth-test-io-");
        String fsType = LiveHost.run("stat", "-f", "-c", "%T", dir.toString()).strip();
        assumeTrue(!fsType.equals("tmpfs") && !fsType.equals("overlayfs"), "/var/tmp is " + fsType + ", not a disk");
        Path file = dir.resolve("data");
        try (LiveHost live = new LiveHost("io")) {
            Cgroup cg = live.child("dd");
            Collector c = collector();
            // The child is created empty; read its counters once so that the rate has a start.
            Process p = live.startIn(cg, "sh", "-c", "read x; dd if=/dev/zero of=" + file
                    + " bs=1M count=64 oflag=direct status=none && echo done; exec sleep 60");
            LiveHost.await(p, "done", Duration.ofSeconds(120));
            ContainerModel m = find(c.tick(ALL), cg);
            double mib = m.io().writeBytes().getAsLong() / 1048576.0;
            System.out.printf("fidelity: io written %.2f MiB for a 64 MiB O_DIRECT write (devices %s)%n", mib,
                    m.io().devices().stream().map(d -> d.name() + (d.wholeDisk() ? "" : "(not counted)") + "="
                            + d.writeBytes()).collect(Collectors.joining(", ")));
            assertEquals(64.0, mib, 64 * 0.03, () -> "kernel files: " + debugIo(live, cg));
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void tenMibOverLoopbackInOwnNamespaceAppearsOnItsLoOnly() throws Exception {
        assumeTrue(LiveHost.onPath("ip") && LiveHost.onPath("busybox"), "needs iproute2 and busybox");
        String ns = "berth-test-" + ProcessHandle.current().pid();
        LiveHost.run("ip", "netns", "add", ns);
        try (LiveHost live = new LiveHost("net")) {
            LiveHost.run("ip", "netns", "exec", ns, "ip", "link", "set", "lo", "up");
            Cgroup cg = live.child("nc");
            Process receiver = live.startIn(cg, "ip", "netns", "exec", ns, "busybox", "sh", "-c",
                    "read x; busybox nc -l -p 5555 > /dev/null; echo received; exec sleep 60");
            Collector c = collector();
            awaitListening(receiver, 5555);
            Snapshot before = c.tick(ALL);
            ContainerModel m0 = find(before, cg);
            long lo0 = lo(m0);
            Map<String, Long> host0 = hostRx(before);
            LiveHost.run("ip", "netns", "exec", ns, "busybox", "sh", "-c",
                    "head -c 10485760 /dev/zero | busybox nc 127.0.0.1 5555");
            LiveHost.await(receiver, "received", Duration.ofSeconds(120));
            Snapshot after = c.tick(ALL);
            ContainerModel m1 = find(after, cg);
            long moved = lo(m1) - lo0;
            System.out.printf("fidelity: netns lo rx %.3f MiB for 10 MiB sent (netns %s, total without lo %d)%n",
                    moved / 1048576.0, m1.identity().netns().orElseThrow(), m1.net().rxBytes().getAsLong());
            assertTrue(moved >= 10L << 20, "at least the payload on lo, got " + moved);
            assertTrue(moved < (10L << 20) * 1.05, "payload plus TCP/IP headers, got " + moved);
            assertTrue(!m1.identity().netns().orElseThrow().host());
            assertEquals(0, m1.net().rxBytes().getAsLong(), "lo is not in the container's total");
            Map<String, Long> host1 = hostRx(after);
            host1.forEach((iface, rx) -> assertTrue(rx - host0.getOrDefault(iface, rx) < 10L << 20,
                    "host interface " + iface + " saw the namespace's traffic"));
        } finally {
            LiveHost.run("ip", "netns", "delete", ns);
        }
    }

    /**
     * Waits (bounded) until a TCP socket listens on {@code port} in {@code p}'s network namespace, as its
     * {@code /proc/<pid>/net/tcp} shows it: before {@code ip netns exec} has entered the namespace, that file is the
     * host's, and on a slow (emulated) CPU that takes a while.
     */
    private static void awaitListening(Process p, int port) throws Exception {
        // the local address column ends in :PORT (hex), and state 0A is LISTEN; busybox nc may listen on IPv6
        Pattern listen = Pattern.compile(
                String.format("(?m)^\\s*\\d+: [0-9A-F]+:%04X [0-9A-F]+:0000 0A ", port));
        String seen = "";
        for (long deadline = System.nanoTime() + 60_000_000_000L; System.nanoTime() < deadline; Thread.sleep(50)) {
            seen = Files.readString(Path.of("/proc/" + p.pid() + "/net/tcp"))
                    + Files.readString(Path.of("/proc/" + p.pid() + "/net/tcp6"));
            if (listen.matcher(seen).find()) {
                return;
            }
        }
        throw new AssertionError("nothing listens on port " + port + " in the namespace of " + p.pid() + " after 60 s: "
                + seen);
    }

    private static String debugIo(LiveHost live, Cgroup cg) {
        try {
            return cg.readIoStat() + " procs " + cg.readProcs();
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static long lo(ContainerModel m) {
        return m.net().interfaces().stream().filter(i -> i.name().equals("lo")).findFirst().orElseThrow().rxBytes();
    }

    private static Map<String, Long> hostRx(Snapshot s) throws Exception {
        // The host model keeps rates only; the raw per-interface counters come from pid 1's net/dev.
        return dev.berth.collectors.proc.ProcParsers.parseNetDev(Path.of("/proc/1/net/dev"),
                Files.readString(Path.of("/proc/1/net/dev"))).stream()
                .collect(Collectors.toMap(n -> n.iface(), n -> n.rxBytes()));
    }
}
