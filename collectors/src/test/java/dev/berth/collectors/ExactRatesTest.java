package dev.berth.collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.ControllerUnavailableException;
import dev.berth.cgroupctl.CpuStat;
import dev.berth.cgroupctl.CpuUsage;
import dev.berth.cgroupctl.IoDeviceStat;
import dev.berth.cgroupctl.IoStat;
import dev.berth.cgroupctl.OpenCgroup;
import dev.berth.collectors.proc.BlockDevices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rates stay exact however slow the reads are: a fake clock, a cgroup whose every read takes fake time (60 ms each
 * in the first sample, as on a cold JVM, 10 ms in the second) and counters that grow at known rates with that time.
 * Each rate must come out exactly, because it is divided by the time between the two readings of its own counter.
 * Dividing by the time between the two samples' start (what berth did before) gives the IO and network rates wrong
 * by the difference in read offsets: the test checks that this difference is there, so it cannot pass by accident.
 */
class ExactRatesTest {
    /** 0.5 CPU: microseconds of CPU per second. */
    private static final long CPU_USEC_PER_S = 500_000;
    private static final long IO_BYTES_PER_S = 3_000_000;
    private static final long RX_BYTES_PER_S = 1_250_000;
    private static final Instant EPOCH = Instant.parse("2026-11-30T12:00:00Z");

    /** The fake clock: time moves only when a read "takes" time or the test waits; listeners see every move. */
    private static final class FakeClock implements InstantSource {
        Instant now = EPOCH;
        Runnable onMove = () -> { };

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
            onMove.run();
        }

        double seconds() {
            return Duration.between(EPOCH, now).toNanos() / 1e9;
        }
    }

    @Test
    void ratesAreExactWhateverTheReadsCostAndWhereverTheyFallInTheSample(@TempDir Path tmp) throws Exception {
        FakeClock clock = new FakeClock();
        Duration[] readCost = {Duration.ofMillis(60)};
        Path procfs = Files.createDirectories(tmp.resolve("proc"));
        Path netDev = Files.createDirectories(procfs.resolve("42/net")).resolve("dev");
        // The namespace's counters follow the clock, as the kernel's do: the file always says "now".
        clock.onMove = () -> writeNetDev(netDev, Math.round(RX_BYTES_PER_S * clock.seconds()));
        clock.onMove.run();
        OpenCgroup slow = slowCgroup(clock, readCost);
        CgroupFs fs = (CgroupFs) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {CgroupFs.class},
                (p, m, a) -> {
                    if (m.getName().equals("openCgroup")) {
                        return slow;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
        ContainerSampler sampler = new ContainerSampler(fs, procfs,
                new BlockDevices(Files.createDirectories(tmp.resolve("sys"))), clock);
        ContainerIdentity id = new ContainerIdentity("c", "c", ContainerRuntime.BERTH, "/c", Optional.empty(),
                List.of(42L), Optional.of(new NetNamespace(4026532001L, false)));

        sampler.beginTick();
        ContainerSample first = sampler.sample(id, w -> { }).orElseThrow();
        clock.advance(Duration.ofMillis(700));
        readCost[0] = Duration.ofMillis(10);
        sampler.beginTick();
        ContainerSample second = sampler.sample(id, w -> { }).orElseThrow();
        ContainerModel m = ContainerModel.derive(Optional.of(first), second);

        assertEquals(50.0, m.cpu().percent().getAsDouble(), 1e-9);
        assertEquals(IO_BYTES_PER_S, m.io().readBytesPerSecond().getAsDouble(), 1e-6);
        assertEquals(RX_BYTES_PER_S, m.net().rxBytesPerSecond().getAsDouble(), 1e-6);
        // The windows differ from the samples' spacing, so one shared interval would have got these wrong.
        Duration samples = Duration.between(first.at(), second.at());
        assertNotEquals(samples, Duration.between(first.readTimes().io(), second.readTimes().io()));
        assertNotEquals(samples, Duration.between(first.readTimes().net(), second.readTimes().net()));
    }

    /** A cgroup whose every read advances the clock by {@code cost[0]}, CPU and IO counters following the clock. */
    private static OpenCgroup slowCgroup(FakeClock clock, Duration[] cost) {
        return (OpenCgroup) Proxy.newProxyInstance(ExactRatesTest.class.getClassLoader(),
                new Class<?>[] {OpenCgroup.class}, (p, m, a) -> {
                    switch (m.getName()) {
                        case "path":
                            return "/c";
                        case "exists":
                            return true;
                        case "close":
                            return null;
                        case "hashCode":
                            return 1;
                        case "equals":
                            return p == a[0];
                        case "toString":
                            return "slow cgroup /c";
                        default:
                            break;
                    }
                    // The kernel computes the values at the start of the read; then the read takes its time.
                    double s = clock.seconds();
                    clock.advance(cost[0]);
                    switch (m.getName()) {
                        case "readCpuStat", "readCpuUsageFirst":
                            return new CpuStat(new CpuUsage(Math.round(CPU_USEC_PER_S * s), OptionalLong.empty(),
                                    OptionalLong.empty()), Optional.empty());
                        case "readIoStat":
                            return new IoStat(List.of(new IoDeviceStat(8, 0, Math.round(IO_BYTES_PER_S * s), 0, 0,
                                    0)));
                        default:
                            throw new ControllerUnavailableException(Path.of("/c", m.getName()), "not in this test",
                                    null);
                    }
                });
    }

    private static void writeNetDev(Path file, long rxBytes) {
        try {
            Files.writeString(file, "Inter-|   Receive                                                |  Transmit\n"
                    + " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop "
                    + "fifo colls carrier compressed\n"
                    + "    lo:       0       0    0    0    0     0          0         0        0       0    0    0 "
                    + "   0     0       0          0\n"
                    + "  eth0: " + rxBytes + "     10    0    0    0     0          0         0     2000      20    0 "
                    + "   0    0     0       0          0\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
