package dev.berth.tui.view;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One row of the container table: what the console shows for one container at one instant.
 *
 * <p>Rates are empty until two samples exist or when the kernel file could not be read; the
 * table renders empty as {@code -}, never as {@code 0}.
 *
 * @param id stable identifier (key of selection and history)
 * @param name display name
 * @param runtime who made it: {@code berth}, {@code runc}, {@code podman}, {@code lxc}, {@code cgroup}
 * @param cgroupPath "/"-rooted cgroup path, e.g. {@code /berth/web}; drives the tree view
 * @param state lifecycle state
 * @param cpuPct CPU use in percent of one core (200 = two cores busy)
 * @param cpuLimitCores CPU quota in cores (quota/period); empty = no quota ({@code max})
 * @param memWorkingSetBytes memory working set (usage minus inactive file). Units: bytes
 * @param memLimitBytes memory limit; empty = unlimited. Units: bytes
 * @param ioReadBps block IO read rate. Units: bytes per second
 * @param ioWriteBps block IO write rate. Units: bytes per second
 * @param netRxBps network receive rate over the container's interfaces. Units: bytes per second
 * @param netTxBps network transmit rate. Units: bytes per second
 * @param pids number of tasks ({@code pids.current} or the size of {@code cgroup.procs})
 */
public record ContainerRow(String id, String name, String runtime, String cgroupPath, ContainerState state,
        OptionalDouble cpuPct, OptionalDouble cpuLimitCores, OptionalLong memWorkingSetBytes,
        OptionalLong memLimitBytes, OptionalDouble ioReadBps, OptionalDouble ioWriteBps,
        OptionalDouble netRxBps, OptionalDouble netTxBps, OptionalLong pids) {

    /** Checks that no component is null. */
    public ContainerRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(cgroupPath, "cgroupPath");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(cpuPct, "cpuPct");
        Objects.requireNonNull(cpuLimitCores, "cpuLimitCores");
        Objects.requireNonNull(memWorkingSetBytes, "memWorkingSetBytes");
        Objects.requireNonNull(memLimitBytes, "memLimitBytes");
        Objects.requireNonNull(ioReadBps, "ioReadBps");
        Objects.requireNonNull(ioWriteBps, "ioWriteBps");
        Objects.requireNonNull(netRxBps, "netRxBps");
        Objects.requireNonNull(netTxBps, "netTxBps");
        Objects.requireNonNull(pids, "pids");
    }

    /**
     * Memory working set in percent of the limit, or of {@code hostTotalBytes} when unlimited
     * (what the container could grow to); empty when the working set is unknown.
     */
    public OptionalDouble memPct(long hostTotalBytes) {
        if (memWorkingSetBytes.isEmpty()) {
            return OptionalDouble.empty();
        }
        long cap = memLimitBytes.isPresent() ? Math.min(memLimitBytes.getAsLong(), Math.max(hostTotalBytes, 1))
                : hostTotalBytes;
        if (cap <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(100.0 * memWorkingSetBytes.getAsLong() / cap);
    }
}
