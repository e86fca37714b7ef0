package dev.berth.collectors.proc;

import java.util.List;

/**
 * The parts of {@code /proc/stat} berth uses.
 *
 * @param total   the aggregate {@code cpu} line
 * @param perCore one entry per {@code cpuN} line, in file order (offline CPUs are absent from the file)
 * @param contextSwitches {@code ctxt}
 * @param processesCreated {@code processes} (forks since boot)
 * @param running {@code procs_running}
 * @param blocked {@code procs_blocked}
 */
public record ProcStat(CpuTimes total, List<CpuTimes> perCore, long contextSwitches, long processesCreated,
        long running, long blocked) {

    public ProcStat {
        perCore = List.copyOf(perCore);
    }
}
