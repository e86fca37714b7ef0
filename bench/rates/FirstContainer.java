import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.CgroupFsProber;
import dev.berth.collectors.ContainerDiscovery;
import dev.berth.collectors.ContainerIdentity;
import dev.berth.collectors.ContainerSample;
import dev.berth.collectors.ContainerSampler;
import dev.berth.collectors.discovery.RuntimeNames;
import dev.berth.collectors.proc.BlockDevices;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

/**
 * The rate error a single timestamp per sample would give the first-sampled container, on this host, from a cold
 * JVM: berth stamps each counter right before its read; this prints, for the first container of two ticks one
 * second apart, each counter's own window and the window between the two samples' first timestamps, and the
 * relative error of dividing by the latter (what berth did before: "rates off by up to 17 %").
 *
 * Run from the project root after a build:
 *   java -cp "tui/target/berth.jar:tui/target/lib/*" bench/rates/FirstContainer.java [CGROUP-PREFIX]
 */
public class FirstContainer {
    public static void main(String[] args) throws Exception {
        String prefix = args.length > 0 ? args[0] : "/";
        InstantSource clock = InstantSource.system();
        CgroupFs fs = CgroupFs.open(new CgroupFsProber(Path.of("/proc"), Path.of("/sys")).probe());
        ContainerDiscovery discovery = new ContainerDiscovery(fs, Path.of("/proc"), new RuntimeNames(Path.of("/")),
                "/berth", clock, Duration.ofSeconds(10));
        ContainerSampler sampler = new ContainerSampler(fs, Path.of("/proc"), new BlockDevices(Path.of("/sys")), clock);
        ContainerSample[] first = new ContainerSample[2];
        Instant[] tickStart = new Instant[2];
        for (int tick = 0; tick < 2; tick++) {
            tickStart[tick] = clock.instant();
            List<ContainerIdentity> ids = discovery.discover(true, w -> { });
            sampler.beginTick();
            for (ContainerIdentity id : ids) {
                if (!id.cgroup().startsWith(prefix) || id.pids().isEmpty()) {
                    continue;
                }
                var s = sampler.sample(id, w -> { });
                if (s.isPresent() && first[tick] == null && (tick == 0 || id.cgroup().equals(first[0].identity().cgroup()))) {
                    first[tick] = s.get();
                }
            }
            sampler.endTick();
            if (tick == 0) {
                Thread.sleep(1000);
            }
        }
        ContainerSample a = first[0];
        ContainerSample b = first[1];
        System.out.println("first container: " + a.identity().cgroup());
        report("cpu", tickStart, a.readTimes().cpu(), b.readTimes().cpu());
        report("io", tickStart, a.readTimes().io(), b.readTimes().io());
        report("net", tickStart, a.readTimes().net(), b.readTimes().net());
    }

    private static void report(String counter, Instant[] ticks, Instant first, Instant second) {
        double own = Duration.between(first, second).toNanos() / 1e6;
        double byTick = Duration.between(ticks[0], ticks[1]).toNanos() / 1e6;
        System.out.printf("%-4s own window %8.2f ms; tick-to-tick %8.2f ms: one timestamp per tick errs by %+.2f %%; "
                + "read offset in tick 1 %.2f ms, tick 2 %.2f ms%n", counter, own, byTick, 100 * (own / byTick - 1),
                Duration.between(ticks[0], first).toNanos() / 1e6, Duration.between(ticks[1], second).toNanos() / 1e6);
    }
}
