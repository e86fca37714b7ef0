package dev.berth.tui.screen;

import dev.berth.cgroupctl.Limit;
import dev.berth.tui.view.ContainerDetail;
import dev.berth.tui.view.ContainerRow;
import dev.berth.collectors.ContainerState;
import dev.berth.tui.view.DeviceRates;
import dev.berth.tui.view.HostView;
import dev.berth.tui.view.InterfaceRates;
import dev.berth.ops.CurrentLimits;
import dev.berth.tui.view.ProcessRow;
import dev.berth.cgroupctl.Pressure;
import dev.berth.cgroupctl.PressureLine;
import dev.berth.tui.view.Snapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Fake view-models for rendering tests: a 2-core host and a handful of containers. */
final class Fixtures {
    static final Instant AT = Instant.parse("2026-11-22T03:00:00Z");
    static final long GIB = 1L << 30;
    static final long MIB = 1L << 20;

    private Fixtures() {
    }

    static HostView host() {
        return new HostView("berth-host", Optional.of(Duration.ofHours(50).plusMinutes(7)), 0.52, 0.40, 0.33,
                OptionalDouble.of(23.4), List.of(30.0, 16.8), 4 * GIB, GIB + 200 * MIB, 50 * MIB, 900 * MIB,
                2 * GIB, GIB, 0, OptionalDouble.of(1.5 * MIB), OptionalDouble.of(300 * 1024),
                OptionalDouble.of(12 * 1024), OptionalDouble.of(3 * 1024),
                List.of(new DeviceRates("vda", OptionalDouble.of(1.5 * MIB), OptionalDouble.of(300 * 1024))),
                List.of(new InterfaceRates("eth0", OptionalDouble.of(12 * 1024), OptionalDouble.of(3 * 1024))),
                List.of(new ProcessRow(4242, "java -jar berth.jar", OptionalDouble.of(2.5), 85 * MIB),
                        new ProcessRow(1, "/sbin/init", OptionalDouble.of(0.0), 12 * MIB)),
                OptionalDouble.of(1.2), 85 * MIB);
    }

    static ContainerRow row(String name, String runtime, ContainerState st, double cpu, long memBytes,
            OptionalLong memLimit, double ioRead) {
        Optional<Limit> limit = Optional.of(memLimit.isPresent() ? Limit.of(memLimit.getAsLong()) : Limit.UNLIMITED);
        OptionalDouble pct = memLimit.isPresent() ? OptionalDouble.of(100.0 * memBytes / memLimit.getAsLong())
                : OptionalDouble.empty();
        return new ContainerRow("id-" + name, name, runtime, "/berth/" + name, st, OptionalDouble.of(cpu),
                OptionalDouble.empty(), Optional.of(Limit.UNLIMITED), OptionalLong.of(memBytes), limit, pct,
                OptionalDouble.of(ioRead),
                OptionalDouble.of(0), OptionalDouble.of(1024), OptionalDouble.of(512), OptionalLong.of(3));
    }

    static List<ContainerRow> containers() {
        List<ContainerRow> l = new ArrayList<>();
        l.add(row("web", "berth", ContainerState.RUNNING, 45.5, 120 * MIB, OptionalLong.of(512 * MIB), 2048));
        l.add(row("db", "runc", ContainerState.RUNNING, 80.1, 900 * MIB, OptionalLong.empty(), 5 * MIB));
        l.add(row("cache", "podman", ContainerState.FROZEN, 0.0, 64 * MIB, OptionalLong.of(128 * MIB), 0));
        l.add(new ContainerRow("id-batch", "batch", "lxc", "/lxc.payload.batch", ContainerState.RUNNING,
                OptionalDouble.of(12.0), OptionalDouble.of(0.5), Optional.of(Limit.of(50_000)), OptionalLong.of(10 * MIB),
                Optional.of(Limit.of(GIB)), OptionalDouble.of(100.0 * 10 / 1024), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalLong.of(1)));
        return l;
    }

    static ContainerDetail detail(String id) {
        Pressure l = new Pressure(new PressureLine(1.5, 0.8, 0.5, 1_000), Optional.of(new PressureLine(0.2, 0.1, 0.0, 100)));
        return new ContainerDetail(id, new CurrentLimits(Optional.of("max"), Optional.of("100"), Optional.of("0-1"),
                Optional.of("0"), Optional.of("512M"), Optional.of("max"), Optional.of("max"), List.of()),
                Optional.of(l), Optional.of(new Pressure(new PressureLine(2.25, 1.0, 0.5, 2_000), Optional.empty())), Optional.empty(),
                List.of(new ContainerDetail.MemoryPart("anon", 100 * MIB), new ContainerDetail.MemoryPart("file",
                        20 * MIB)),
                List.of(new DeviceRates("253:0", OptionalDouble.of(2048), OptionalDouble.of(0))),
                List.of(new InterfaceRates("eth0", OptionalDouble.of(1024), OptionalDouble.of(512))),
                List.of(new ProcessRow(5001, "nginx: master process", OptionalDouble.of(40.0), 30 * MIB),
                        new ProcessRow(5002, "nginx: worker process", OptionalDouble.of(5.5), 90 * MIB)));
    }

    static Snapshot snapshot() {
        return new Snapshot(AT, host(), containers(), Optional.empty());
    }

    static Snapshot snapshot(List<ContainerRow> rows, Optional<ContainerDetail> detail) {
        return new Snapshot(AT, host(), rows, detail);
    }
}
