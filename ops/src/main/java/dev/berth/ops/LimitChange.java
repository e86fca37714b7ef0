package dev.berth.ops;

import dev.berth.runtime.limits.CpuList;
import dev.berth.runtime.limits.LimitRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A change of limits for {@link Containers#setLimits}.
 *
 * @param request the limits, as {@code berth set}'s options give them
 * @param cpusetMems cpuset memory nodes ({@code cpuset.mems}), which {@code berth set} has no option for
 * @param replaceDevices whether the device throttles in {@code request} replace all the container has (the
 *     console's form shows them all: one dropped from it is set back to {@code max}); {@code berth set} only
 *     changes those it names
 */
public record LimitChange(LimitRequest request, Optional<String> cpusetMems, boolean replaceDevices) {
    public LimitChange {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(cpusetMems, "cpusetMems");
        cpusetMems.ifPresent(CpuList::parse);
    }

    /** Only the limits {@code request} names, as {@code berth set} changes them. */
    public static LimitChange of(LimitRequest request) {
        return new LimitChange(request, Optional.empty(), false);
    }

    /** Whether nothing would change. */
    public boolean isEmpty() {
        return request.isEmpty() && cpusetMems.isEmpty() && !replaceDevices;
    }

    /**
     * What is recorded in the state of berth's own container and in the audit event: option name without dashes
     * to value as typed ({@code memory -> 512M}).
     */
    public Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>(request.describe());
        cpusetMems.ifPresent(m -> out.put("cpuset-mems", m.strip()));
        return out;
    }
}
