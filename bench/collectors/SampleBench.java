import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.CgroupFsProber;
import dev.berth.collectors.Collector;
import dev.berth.collectors.HostSampler;
import dev.berth.collectors.ProcessSampler;
import dev.berth.collectors.Snapshot;
import dev.berth.collectors.TickOptions;
import dev.berth.collectors.discovery.RuntimeNames;
import dev.berth.collectors.proc.BlockDevices;
import dev.berth.collectors.testing.FakeContainer;
import dev.berth.collectors.testing.FakeHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Cost of one collector tick at 100 and 500 containers, on fake trees (v2 and hybrid layouts, ext4-backed files)
 * and on real cgroups (the live hierarchy, kernfs), plus the host sampler against OSHI's equivalents.
 * Prints median and p90 wall time per call. Run by bench/collectors/run.sh.
 */
public final class SampleBench {
    static final int WARMUP = 20;
    static final int RUNS = 40;

    public static void main(String[] args) throws Exception {
        System.out.printf("# %s, %d CPUs, Java %s, load average %s%n",
                Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Files.readString(Path.of("/proc/loadavg")).strip());
        for (int n : new int[] {100, 500}) {
            for (FakeHost.Layout layout : new FakeHost.Layout[] {FakeHost.Layout.V2, FakeHost.Layout.HYBRID}) {
                fake(n, layout);
            }
        }
        if ("root".equals(System.getProperty("user.name"))) {
            for (int n : new int[] {100, 500}) {
                real(n);
            }
        } else {
            System.out.println("real cgroups: skipped (needs root)");
        }
        host();
    }

    static void fake(int n, FakeHost.Layout layout) throws Exception {
        Path dir = Files.createTempDirectory("berth-bench-");
        try {
            FakeHost h = FakeHost.of(layout, dir);
            for (int i = 0; i < n; i++) {
                String id = String.format("%064x", i + 1);
                FakeContainer c = h.container("/system.slice/docker-" + id + ".scope").pids(10_000 + i);
                c.io.put("8:0", new long[] {1, 2, 3, 4});
                h.dockerName(id, "c" + i);
            }
            h.write();
            CgroupFs fs = CgroupFs.open(new CgroupFsProber(h.procfs(), h.sysfs()).probe());
            Collector col = new Collector(fs, h.procfs(), h.sysfs(), new RuntimeNames(h.root()),
                    InstantSource.system(), 100, 4096);
            report("fake " + layout + " tree, " + n + " containers, tick", () -> col.tick(TickOptions.CONTAINERS),
                    s -> s.containers().size() == n);
        } finally {
            try (var w = Files.walk(dir)) {
                w.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static void real(int n) throws Exception {
        CgroupFs fs = CgroupFs.open(new CgroupFsProber(Path.of("/proc"), Path.of("/sys")).probe());
        String parent = "/berth-bench-" + ProcessHandle.current().pid();
        try {
            for (int i = 0; i < n; i++) {
                fs.create(parent + "/c" + i);
            }
            Collector col = Collector.forHost(Path.of("/proc"), Path.of("/sys"), Path.of("/"), InstantSource.system());
            // Empty cgroups are listed with --all only, so this is the --all tick over n + the host's cgroups.
            TickOptions all = new TickOptions(true, false, Set.of());
            report("real " + fs.probe().layout() + " cgroups, " + n + " under a test parent, --all tick",
                    () -> col.tick(all), s -> s.containers().size() >= n);
        } finally {
            fs.remove(parent);
        }
    }

    static void host() throws Exception {
        HostSampler hs = new HostSampler(Path.of("/proc"), new BlockDevices(Path.of("/sys")),
                new ProcessSampler(Path.of("/proc"), 100, 4096), InstantSource.system());
        int procs = hs.sample().processes().orElseThrow().size();
        report("berth HostSampler.sample() with " + procs + " processes", hs::sample, s -> true);
        report("berth HostSampler.sample() without processes", () -> hs.sample(false, w -> { }), s -> true);
        oshi.SystemInfo si = new oshi.SystemInfo();
        var hw = si.getHardware();
        var os = si.getOperatingSystem();
        report("OSHI cpu ticks + per-core ticks + memory", () -> {
            hw.getProcessor().getSystemCpuLoadTicks();
            hw.getProcessor().getProcessorCpuLoadTicks();
            return hw.getMemory().getAvailable();
        }, s -> true);
        report("OSHI getDiskStores() + updateAttributes", () -> {
            var d = hw.getDiskStores();
            d.forEach(x -> x.updateAttributes());
            return d;
        }, s -> true);
        report("OSHI getNetworkIFs() + updateAttributes", () -> {
            var n = hw.getNetworkIFs();
            n.forEach(x -> x.updateAttributes());
            return n;
        }, s -> true);
        report("OSHI getProcesses()", os::getProcesses, s -> true);
    }

    interface Check<T> {
        boolean ok(T t);
    }

    static <T> void report(String what, Callable<T> op, Check<T> check) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            T t = op.call();
            if (i == 0 && !check.ok(t)) {
                throw new AssertionError(what + ": unexpected result " + (t instanceof Snapshot s
                        ? s.containers().size() + " containers, warnings " + s.warnings() : t));
            }
        }
        // Wall time depends on what else the machine runs; the thread's CPU time much less, so print both.
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] ms = new double[RUNS];
        double[] cpu = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            op.call();
            ms[i] = (System.nanoTime() - t0) / 1e6;
            cpu[i] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        Arrays.sort(ms);
        Arrays.sort(cpu);
        System.out.printf("%-66s wall median %7.2f ms p90 %7.2f ms | cpu median %7.2f ms%n", what, ms[RUNS / 2],
                ms[RUNS * 9 / 10], cpu[RUNS / 2]);
    }
}
