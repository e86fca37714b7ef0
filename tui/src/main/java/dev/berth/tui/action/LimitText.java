package dev.berth.tui.action;

import dev.berth.cgroupctl.IoLimit;
import dev.berth.runtime.limits.CpuList;
import dev.berth.runtime.limits.CpuQuota;
import dev.berth.runtime.limits.DeviceRate;
import dev.berth.runtime.limits.LimitRequest;
import dev.berth.runtime.limits.LimitSyntax;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The text of the limit form: parses each field with the runtime's limit syntax (the same parsers
 * as {@code berth run --memory} and {@code berth update}) and formats current values back into it.
 * Package-private for testing.
 */
final class LimitText {
    private static final Map<String, IoLimit.Kind> IO_KEYS = Map.of("rbps", IoLimit.Kind.READ_BPS, "wbps",
            IoLimit.Kind.WRITE_BPS, "riops", IoLimit.Kind.READ_IOPS, "wiops", IoLimit.Kind.WRITE_IOPS);

    private LimitText() {
    }

    /** The error of {@code text} in {@code field}, or empty when valid; blank is valid (unchanged). */
    static Optional<String> validate(LimitField field, String text) {
        if (text.isBlank() && field != LimitField.IO) {
            return Optional.empty();
        }
        try {
            addTo(LimitRequest.builder(), field, text);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Adds the parsed {@code text} to {@code b}; cpuset mems is not part of a request and only checked here. */
    static void addTo(LimitRequest.Builder b, LimitField field, String text) {
        String t = text.strip();
        switch (field) {
            case CPU_QUOTA -> b.cpus(CpuQuota.parse(t));
            case CPU_WEIGHT -> b.cpuWeight(LimitSyntax.parseCpuWeight(t));
            case CPUSET_CPUS -> b.cpusetCpus(CpuList.parse(t));
            case CPUSET_MEMS -> CpuList.parse(t);
            case MEMORY_MAX -> b.memory(LimitSyntax.parseMemory(t));
            case MEMORY_HIGH -> b.memoryHigh(LimitSyntax.parseMemoryHigh(t));
            case PIDS_MAX -> b.pids(LimitSyntax.parsePids(t));
            case IO -> b.devices(parseIo(t));
            default -> throw new IllegalStateException(field.toString());
        }
    }

    /**
     * Parses {@code DEV key=RATE ...} entries separated by {@code ;}, with DEV a {@code /dev} path or
     * {@code MAJ:MIN} and key one of {@code rbps wbps riops wiops}. Blank means no IO limits.
     */
    static List<DeviceRate> parseIo(String text) {
        List<DeviceRate> out = new ArrayList<>();
        for (String entry : text.split(";")) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            String[] parts = e.split("\\s+");
            if (parts.length < 2) {
                throw new IllegalArgumentException("\"" + e + "\": expected DEV followed by rbps=, wbps=, riops= "
                        + "or wiops= values");
            }
            for (int i = 1; i < parts.length; i++) {
                int eq = parts[i].indexOf('=');
                IoLimit.Kind kind = eq > 0 ? IO_KEYS.get(parts[i].substring(0, eq).toLowerCase(Locale.ROOT)) : null;
                if (kind == null) {
                    throw new IllegalArgumentException("\"" + parts[i] + "\": expected rbps=, wbps=, riops= or "
                            + "wiops= followed by a rate or max");
                }
                out.add(DeviceRate.parse(parts[0] + ":" + parts[i].substring(eq + 1), kind));
            }
        }
        return out;
    }
}
