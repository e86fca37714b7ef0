package dev.berth.runtime.limits;

import dev.berth.cgroupctl.IoLimit;
import dev.berth.cgroupctl.Limit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The limits a user asked for, parsed but not yet checked against the host (see
 * {@link LimitResolver}). Empty fields mean "leave as it is" for {@code set} and "no limit" at launch.
 *
 * @param cpus {@code --cpus}
 * @param cpuWeight {@code --cpu-weight}, 1..10000
 * @param cpusetCpus {@code --cpuset-cpus}
 * @param memory {@code --memory}. Units: bytes
 * @param memoryHigh {@code --memory-high}. Units: bytes
 * @param memorySwap {@code --memory-swap}: swap on top of memory. Units: bytes
 * @param pids {@code --pids-limit}
 * @param devices the {@code --device-*-bps/iops} arguments, in order
 */
public record LimitRequest(Optional<CpuQuota> cpus, Optional<Long> cpuWeight, Optional<CpuList> cpusetCpus,
        Optional<Limit> memory, Optional<Limit> memoryHigh, Optional<Limit> memorySwap, Optional<Limit> pids,
        List<DeviceRate> devices) {

    /** Nothing requested. */
    public static final LimitRequest NONE = new LimitRequest(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of());

    public LimitRequest {
        devices = List.copyOf(devices);
    }

    /** Whether no limit was requested. */
    public boolean isEmpty() {
        return equals(NONE);
    }

    /**
     * The request as option name (without dashes) → value, in the form the user would type it
     * ({@code memory → 512M}); repeated device options are joined with ",". For the state file's
     * spec summary and for messages.
     */
    public Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>();
        cpus.ifPresent(v -> out.put("cpus", v.toString()));
        cpuWeight.ifPresent(v -> out.put("cpu-weight", Long.toString(v)));
        cpusetCpus.ifPresent(v -> out.put("cpuset-cpus", v.toString()));
        memory.ifPresent(v -> out.put("memory", ByteSize.format(v)));
        memoryHigh.ifPresent(v -> out.put("memory-high", ByteSize.format(v)));
        memorySwap.ifPresent(v -> out.put("memory-swap", ByteSize.format(v)));
        pids.ifPresent(v -> out.put("pids-limit", v.toString()));
        for (IoLimit.Kind kind : IoLimit.Kind.values()) {
            String joined = devices.stream().filter(d -> d.kind() == kind).map(DeviceRate::toString)
                    .collect(Collectors.joining(","));
            if (!joined.isEmpty()) {
                out.put(optionName(kind), joined);
            }
        }
        return out;
    }

    /** The option name (without dashes) of a device throttle kind, e.g. {@code device-read-bps}. */
    public static String optionName(IoLimit.Kind kind) {
        return switch (kind) {
            case READ_BPS -> "device-read-bps";
            case WRITE_BPS -> "device-write-bps";
            case READ_IOPS -> "device-read-iops";
            case WRITE_IOPS -> "device-write-iops";
        };
    }

    /** A builder, for callers that collect options one by one (the picocli mixin). */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects the fields of a {@link LimitRequest}; every setter accepts null for "not given". */
    public static final class Builder {
        private CpuQuota cpus;
        private Long cpuWeight;
        private CpuList cpusetCpus;
        private Limit memory;
        private Limit memoryHigh;
        private Limit memorySwap;
        private Limit pids;
        private final List<DeviceRate> devices = new ArrayList<>();

        private Builder() {
        }

        public Builder cpus(CpuQuota v) {
            cpus = v;
            return this;
        }

        public Builder cpuWeight(Long v) {
            cpuWeight = v;
            return this;
        }

        public Builder cpusetCpus(CpuList v) {
            cpusetCpus = v;
            return this;
        }

        public Builder memory(Limit v) {
            memory = v;
            return this;
        }

        public Builder memoryHigh(Limit v) {
            memoryHigh = v;
            return this;
        }

        public Builder memorySwap(Limit v) {
            memorySwap = v;
            return this;
        }

        public Builder pids(Limit v) {
            pids = v;
            return this;
        }

        public Builder devices(List<DeviceRate> v) {
            if (v != null) {
                devices.addAll(v);
            }
            return this;
        }

        public LimitRequest build() {
            return new LimitRequest(Optional.ofNullable(cpus), Optional.ofNullable(cpuWeight),
                    Optional.ofNullable(cpusetCpus), Optional.ofNullable(memory), Optional.ofNullable(memoryHigh),
                    Optional.ofNullable(memorySwap), Optional.ofNullable(pids), devices);
        }
    }
}
