package dev.berth.tui.view;

import dev.berth.collectors.ContainerState;
import dev.berth.cgroupctl.Limit;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One row of the container table: what the console shows for one container at one instant.
 *
 * <p>Rates are empty until two samples exist or when the kernel file could not be read; the table renders empty
 * as {@code -}, never as {@code 0}, with the same rules as {@code berth ps --json}'s {@code null}.
 *
 * @param id stable identifier (key of selection and history)
 * @param name display name
 * @param runtime who made it: {@code berth}, {@code docker}, {@code podman}, {@code lxc}, {@code cgroup}, ...
 * @param cgroupPath "/"-rooted cgroup path, e.g. {@code /berth/web}; drives the tree view
 * @param state running, frozen or exited (the vocabulary of {@code ps} and JSON)
 * @param cpuPct CPU use in percent of one core (200 = two cores busy)
 * @param cpuLimitCores CPU quota in cores (quota/period); empty when no quota is set or it is unreadable
 * @param cpuQuota the raw quota: unlimited when none is set ({@code max}), empty when unreadable ({@code -})
 * @param memWorkingSetBytes memory working set (usage minus inactive file). Units: bytes
 * @param memLimit memory limit: unlimited ({@code max}), or empty when unreadable ({@code -}). Units: bytes
 * @param memPctOfLimit working set in percent of the limit; empty when unlimited or unknown (JSON
 *     {@code percent_of_limit})
 * @param ioReadBps block IO read rate. Units: bytes per second
 * @param ioWriteBps block IO write rate. Units: bytes per second
 * @param netRxBps network receive rate over the container's interfaces. Units: bytes per second
 * @param netTxBps network transmit rate. Units: bytes per second
 * @param pids number of tasks ({@code pids.current} or the size of {@code cgroup.procs})
 */
public record ContainerRow(String id, String name, String runtime, String cgroupPath, ContainerState state,
        OptionalDouble cpuPct, OptionalDouble cpuLimitCores, Optional<Limit> cpuQuota, OptionalLong memWorkingSetBytes,
        Optional<Limit> memLimit, OptionalDouble memPctOfLimit, OptionalDouble ioReadBps, OptionalDouble ioWriteBps,
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
        Objects.requireNonNull(cpuQuota, "cpuQuota");
        Objects.requireNonNull(memWorkingSetBytes, "memWorkingSetBytes");
        Objects.requireNonNull(memLimit, "memLimit");
        Objects.requireNonNull(memPctOfLimit, "memPctOfLimit");
        Objects.requireNonNull(ioReadBps, "ioReadBps");
        Objects.requireNonNull(ioWriteBps, "ioWriteBps");
        Objects.requireNonNull(netRxBps, "netRxBps");
        Objects.requireNonNull(netTxBps, "netTxBps");
        Objects.requireNonNull(pids, "pids");
    }

    /** The memory limit in bytes when one is set. */
    public OptionalLong memLimitBytes() {
        return memLimit.map(Limit::value).orElse(OptionalLong.empty());
    }
}
