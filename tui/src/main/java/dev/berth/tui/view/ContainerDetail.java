package dev.berth.tui.view;

import dev.berth.cgroupctl.Pressure;
import dev.berth.ops.CurrentLimits;
import java.util.List;
import java.util.Optional;

/**
 * What the detail view shows beyond the table row: limits, pressure, memory breakdown, per-device
 * and per-interface rates and processes. Collected only for the container the detail view is open on.
 *
 * @param id the container id (matches {@link ContainerRow#id()})
 * @param limits current limits
 * @param cpuPressure PSI of {@code cpu.pressure}; empty when unsupported
 * @param memoryPressure PSI of {@code memory.pressure}; empty when unsupported
 * @param ioPressure PSI of {@code io.pressure}; empty when unsupported
 * @param memoryBreakdown named parts of memory ({@code anon}, {@code file}, ...), bytes, in display order
 * @param devices per-device block IO
 * @param interfaces per-interface network
 * @param processes the container's processes
 */
public record ContainerDetail(String id, CurrentLimits limits, Optional<Pressure> cpuPressure, Optional<Pressure> memoryPressure,
        Optional<Pressure> ioPressure, List<MemoryPart> memoryBreakdown, List<DeviceRates> devices,
        List<InterfaceRates> interfaces, List<ProcessRow> processes) {

    /**
     * One named part of a container's memory.
     *
     * @param name the {@code memory.stat} key (v2 names)
     * @param bytes size. Units: bytes
     */
    public record MemoryPart(String name, long bytes) {
    }
}
