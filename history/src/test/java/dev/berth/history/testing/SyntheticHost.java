package dev.berth.history.testing;

import dev.berth.cgroupctl.Limit;
import dev.berth.cgroupctl.Pressure;
import dev.berth.cgroupctl.PressureLine;
import dev.berth.collectors.ContainerIdentity;
import dev.berth.collectors.ContainerRuntime;
import dev.berth.collectors.ContainerSample;
import dev.berth.collectors.ContainerState;
import dev.berth.collectors.HostMemory;
import dev.berth.collectors.HostSample;
import dev.berth.collectors.NetNamespace;
import dev.berth.collectors.proc.BlockDevice;
import dev.berth.collectors.proc.CpuTimes;
import dev.berth.collectors.proc.DiskCounters;
import dev.berth.collectors.proc.LoadAverage;
import dev.berth.collectors.proc.NetDevCounters;
import dev.berth.collectors.proc.ProcStat;
import dev.berth.history.store.Frame;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Random;

/**
 * A deterministic host of N containers whose counters move the way real ones do (measured on this project's CI
 * host and docker hosts: most containers idle, a tenth busy, memory drifting, IO and network in bursts), for
 * tests and the store benchmark. Each {@link #next()} advances the clock by the interval. Not thread-safe.
 */
public final class SyntheticHost {
    private static final BlockDevice VDA = new BlockDevice(254, 0, "vda", true);
    private final Random rnd;
    private final Duration interval;
    private final ZoneOffset offset;
    private final List<State> containers = new ArrayList<>();
    private Instant at;
    private long hostTicks;

    private static final class State {
        ContainerIdentity id;
        boolean busy;
        boolean ownNet;
        long cpuUsec;
        long throttled;
        long periods;
        long mem;
        long file;
        long rb;
        long wb;
        long rio;
        long wio;
        long rx;
        long tx;
        long rxp;
        long txp;
        long pids;
        long psiTotal;
    }

    /**
     * @param containers how many
     * @param start      the first sample's time
     * @param interval   time between samples
     * @param seed       random seed (same seed, same samples)
     */
    public SyntheticHost(int containers, Instant start, Duration interval, long seed) {
        this(containers, start, interval, seed, ZoneOffset.UTC);
    }

    public SyntheticHost(int count, Instant start, Duration interval, long seed, ZoneOffset offset) {
        this.rnd = new Random(seed);
        this.interval = interval;
        this.at = start;
        this.offset = offset;
        for (int i = 0; i < count; i++) {
            State s = new State();
            String hex = String.format("%016x%016x%016x%016x", rnd.nextLong(), rnd.nextLong(), rnd.nextLong(),
                    rnd.nextLong());
            boolean docker = i % 4 != 0;
            s.busy = i % 10 == 0;
            s.ownNet = docker;
            List<Long> pids = new ArrayList<>();
            long base = 1000 + i * 50L;
            for (int p = 0; p < 1 + i % 4; p++) {
                pids.add(base + p);
            }
            s.id = docker
                    ? new ContainerIdentity(hex, "app-" + i, ContainerRuntime.DOCKER,
                            "/system.slice/docker-" + hex + ".scope", Optional.empty(), pids,
                            Optional.of(new NetNamespace(4026532000L + i, false)))
                    : new ContainerIdentity("svc-" + i + ".service", "svc-" + i + ".service", ContainerRuntime.SYSTEMD,
                            "/system.slice/svc-" + i + ".service", Optional.empty(), pids,
                            Optional.of(new NetNamespace(4026531840L, true)));
            s.cpuUsec = rnd.nextInt(1_000_000_000);
            s.mem = 20_000_000L + rnd.nextInt(200_000_000);
            s.file = s.mem / 3;
            s.pids = pids.size();
            containers.add(s);
        }
    }

    /** The names of the containers, in order. */
    public List<String> names() {
        return containers.stream().map(s -> s.id.name()).toList();
    }

    /** The next frame; the clock moves on by the interval. */
    public Frame next() {
        double secs = interval.toNanos() / 1e9;
        List<ContainerSample> out = new ArrayList<>();
        long micros = 150;
        for (State s : containers) {
            if (s.busy) {
                s.cpuUsec += (long) (secs * 1e6 * (0.2 + 0.6 * rnd.nextDouble()));
                s.periods += (long) (secs * 10);
                if (rnd.nextInt(4) == 0) {
                    s.throttled += rnd.nextInt(200_000);
                }
                s.mem += rnd.nextInt(2_000_000) - 1_000_000;
                if (rnd.nextInt(3) == 0) {
                    s.wb += rnd.nextInt(4 << 20);
                    s.wio += rnd.nextInt(200);
                }
                s.psiTotal += rnd.nextInt(5000);
            } else if (rnd.nextInt(3) == 0) {
                s.cpuUsec += rnd.nextInt(20_000);
            }
            if (rnd.nextInt(20) == 0) {
                s.mem += rnd.nextInt(8192) - 4096;
            }
            if (s.ownNet && (s.busy || rnd.nextInt(5) == 0)) {
                int p = rnd.nextInt(50);
                s.rx += p * 900L;
                s.rxp += p;
                s.tx += p * 300L;
                s.txp += p;
            }
            micros += 80 + rnd.nextInt(60);
            Instant t = at.plusNanos(micros * 1000);
            out.add(new ContainerSample(t, s.id, ContainerState.RUNNING,
                    new ContainerSample.Cpu(OptionalLong.of(s.cpuUsec), OptionalLong.of(s.cpuUsec * 2 / 3),
                            OptionalLong.of(s.cpuUsec / 3), OptionalLong.of(s.periods), OptionalLong.of(s.periods / 10),
                            OptionalLong.of(s.throttled), Optional.of(s.busy ? Limit.of(50_000) : Limit.UNLIMITED),
                            OptionalLong.of(100_000)),
                    new ContainerSample.Memory(OptionalLong.of(s.mem), OptionalLong.of(s.mem - s.file),
                            OptionalLong.of(s.file), OptionalLong.of(s.file / 2),
                            Optional.of(s.busy ? Limit.of(512L << 20) : Limit.UNLIMITED), OptionalLong.of(0),
                            OptionalLong.of(0)),
                    Optional.of(List.of(new ContainerSample.IoDevice(VDA, s.rb, s.wb, s.rio, s.wio))),
                    s.ownNet ? Optional.of(List.of(new NetDevCounters("lo", 0, 0, 0, 0, 0, 0, 0, 0),
                            new NetDevCounters("eth0", s.rx, s.rxp, 0, 0, s.tx, s.txp, 0, 0))) : Optional.empty(),
                    new ContainerSample.Pids(OptionalLong.of(s.pids), Optional.of(Limit.UNLIMITED)),
                    Optional.of(new Pressure(new PressureLine(s.busy ? 1.25 : 0, s.busy ? 0.5 : 0, 0, s.psiTotal), Optional.of(new PressureLine(0, 0, 0, 0)))),
                    Optional.of(new Pressure(new PressureLine(0, 0, 0, 0), Optional.of(new PressureLine(0, 0, 0, 0)))),
                    Optional.of(new Pressure(new PressureLine(0, 0, 0, 0), Optional.of(new PressureLine(0, 0, 0, 0))))));
        }
        hostTicks += (long) (secs * 100 * 2);
        long busy = hostTicks / 5;
        HostSample host = new HostSample(at, Optional.of(new ProcStat(new CpuTimes(busy, 0, busy / 3, hostTicks - busy,
                10, 0, 5, 0), List.of(new CpuTimes(busy / 2, 0, busy / 6, (hostTicks - busy) / 2, 5, 0, 2, 0),
                new CpuTimes(busy / 2, 0, busy / 6, (hostTicks - busy) / 2, 5, 0, 3, 0)), hostTicks * 7, hostTicks / 9,
                2, 0)), Optional.of(new LoadAverage(0.42, 0.3, 0.25)),
                Optional.of(new HostMemory(8L << 30, 2L << 30, OptionalLong.of(5L << 30), 100 << 20, 2L << 30, 0, 0)),
                Optional.of(List.of(new HostSample.Disk(VDA, new DiskCounters("vda", 254, 0, hostTicks, hostTicks * 4096,
                        hostTicks * 2, hostTicks * 8192, hostTicks / 10)))),
                Optional.of(List.of(new NetDevCounters("eth0", hostTicks * 1000, hostTicks, 0, 0, hostTicks * 500,
                        hostTicks / 2, 0, 0))), Optional.empty());
        Frame f = new Frame(at, offset, host, out, Optional.of(new Frame.RecorderCost(hostTicks * 10, 90_000_000)));
        at = at.plus(interval);
        return f;
    }
}
