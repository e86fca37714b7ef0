package dev.berth.ops;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A container's current limits, each written in the syntax {@code berth set} and the console's limit form
 * accept, so that a form can start from it and an audit event can show the old value. A component is empty
 * when the controller is not there for this cgroup (the form then disables the field).
 *
 * @param cpuQuota CPU quota in cores ({@code 0.5}) or {@code max}
 * @param cpuWeight CPU weight 1..10000
 * @param cpusetCpus cpuset CPU list ({@code 0-1})
 * @param cpusetMems cpuset memory nodes ({@code 0})
 * @param memoryMax memory limit ({@code 512M}) or {@code max}
 * @param memoryHigh memory high watermark or {@code max}
 * @param pidsMax pids limit or {@code max}
 * @param io IO limits, one entry per device in the form's syntax ({@code 8:0 rbps=1M wiops=100})
 */
public record CurrentLimits(Optional<String> cpuQuota, Optional<String> cpuWeight, Optional<String> cpusetCpus,
        Optional<String> cpusetMems, Optional<String> memoryMax, Optional<String> memoryHigh,
        Optional<String> pidsMax, List<String> io) {

    public CurrentLimits {
        io = List.copyOf(io);
    }

    /** Limits of a container whose controllers are all unavailable. */
    public static CurrentLimits none() {
        return new CurrentLimits(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    /**
     * The values keyed like {@code berth set}'s options without dashes ({@code cpus}, {@code memory}, ...; IO as
     * {@code io}, entries joined with "; "), leaving out those unavailable: the "before" of an audit event.
     */
    public Map<String, String> asOptions() {
        Map<String, String> out = new LinkedHashMap<>();
        cpuQuota.ifPresent(v -> out.put("cpus", v));
        cpuWeight.ifPresent(v -> out.put("cpu-weight", v));
        cpusetCpus.ifPresent(v -> out.put("cpuset-cpus", v));
        cpusetMems.ifPresent(v -> out.put("cpuset-mems", v));
        memoryMax.ifPresent(v -> out.put("memory", v));
        memoryHigh.ifPresent(v -> out.put("memory-high", v));
        pidsMax.ifPresent(v -> out.put("pids-limit", v));
        if (!io.isEmpty()) {
            out.put("io", String.join("; ", io));
        }
        return out;
    }
}
