package dev.berth.history.testing;

import dev.berth.cgroupctl.Limit;
import dev.berth.collectors.ContainerIdentity;
import dev.berth.collectors.ContainerRuntime;
import dev.berth.collectors.ContainerSample;
import dev.berth.collectors.ContainerState;
import dev.berth.collectors.HostSample;
import dev.berth.history.store.Frame;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Small hand-made frames with known counters, for tests that assert exact figures. */
public final class Frames {
    private Frames() {
    }

    /** A container sample with the given CPU usage and memory usage, everything else unavailable. */
    public static ContainerSample container(Instant at, String name, long usageUsec, long memoryBytes) {
        return new ContainerSample(at, new ContainerIdentity(name, name, ContainerRuntime.BERTH, "/berth/" + name,
                Optional.empty(), List.of(1L), Optional.empty()), ContainerState.RUNNING,
                new ContainerSample.Cpu(OptionalLong.of(usageUsec), OptionalLong.empty(), OptionalLong.empty(),
                        OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), Optional.of(Limit.UNLIMITED),
                        OptionalLong.empty()),
                new ContainerSample.Memory(OptionalLong.of(memoryBytes), OptionalLong.empty(), OptionalLong.empty(),
                        OptionalLong.of(0), Optional.of(Limit.UNLIMITED), OptionalLong.empty(), OptionalLong.empty()),
                Optional.empty(), Optional.empty(), new ContainerSample.Pids(OptionalLong.of(1), Optional.empty()),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A frame at {@code at} with an empty host sample and the given containers. */
    public static Frame frame(Instant at, ZoneOffset offset, ContainerSample... containers) {
        return new Frame(at, offset, new HostSample(at, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()), List.of(containers), Optional.empty());
    }
}
