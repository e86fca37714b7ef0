package dev.berth.collectors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One process with its CPU use over the last interval.
 *
 * @param pid        process id
 * @param command    command line or name
 * @param state      state letter
 * @param cpuPercent CPU over the interval, 100 % = one core; empty for a process first seen in this sample
 * @param cpuSeconds total CPU time
 * @param rssBytes   resident set size; empty for kernel threads
 */
public record ProcessModel(long pid, String command, char state, OptionalDouble cpuPercent, double cpuSeconds,
        OptionalLong rssBytes) {

    /**
     * Pairs processes of two samples by pid and start time (a pid reused by a new process is a new process)
     * and derives CPU %. Output order follows {@code current}. Pure function.
     */
    public static List<ProcessModel> derive(List<ProcessSample> previous, List<ProcessSample> current,
            Duration elapsed) {
        Map<Long, ProcessSample> before = new HashMap<>();
        previous.forEach(p -> before.put(p.pid(), p));
        List<ProcessModel> out = new ArrayList<>(current.size());
        for (ProcessSample c : current) {
            ProcessSample p = before.get(c.pid());
            OptionalDouble pct = p == null || p.startTime() != c.startTime() ? OptionalDouble.empty()
                    : Rates.scale(Rates.perSecond(p.cpuUsec(), c.cpuUsec(), elapsed), 1e-4);
            out.add(new ProcessModel(c.pid(), c.command(), c.state(), pct, c.cpuUsec() / 1e6, c.rssBytes()));
        }
        return out;
    }
}
