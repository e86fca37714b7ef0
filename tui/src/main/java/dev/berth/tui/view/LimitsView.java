package dev.berth.tui.view;

import java.util.List;
import java.util.Optional;

/**
 * A container's current limits, each written in the syntax the limit form accepts, so the form
 * can show it as the starting value. A component is empty when the controller is not available
 * for this cgroup (the form then disables the field).
 *
 * @param cpuQuota CPU quota in cores ({@code 0.5}) or {@code max}
 * @param cpuWeight CPU weight 1..10000
 * @param cpusetCpus cpuset CPU list ({@code 0-1})
 * @param cpusetMems cpuset memory nodes ({@code 0})
 * @param memoryMax memory limit ({@code 512M}) or {@code max}
 * @param memoryHigh memory high watermark or {@code max}
 * @param pidsMax pids limit or {@code max}
 * @param io IO limits, one entry per device in {@code io.max} syntax ({@code 8:0 rbps=1M wiops=100})
 */
public record LimitsView(Optional<String> cpuQuota, Optional<String> cpuWeight, Optional<String> cpusetCpus,
        Optional<String> cpusetMems, Optional<String> memoryMax, Optional<String> memoryHigh,
        Optional<String> pidsMax, List<String> io) {

    /** Limits of a container whose controllers are all unavailable. */
    public static LimitsView none() {
        return new LimitsView(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }
}
