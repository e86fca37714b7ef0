package dev.berth.cgroupctl;

import java.util.OptionalLong;

/**
 * Memory event counters since the cgroup was created.
 *
 * <p>v2: {@code memory.events} ({@code low high max oom oom_kill oom_group_kill}). v1: {@code memory.oom_control}
 * (Linux 4.13+), which has only {@code oom_kill}; v1 exposes no separate OOM-event counter, so there {@code oom}
 * is the same number as {@code oomKill} and the other counters are empty.
 *
 * @param oom          times the cgroup hit its limit and the OOM killer was invoked
 * @param oomKill      processes killed by the OOM killer
 * @param low          v2 {@code low}: reclaimed below memory.low; empty on v1
 * @param high         v2 {@code high}: throttled above memory.high; empty on v1
 * @param max          v2 {@code max}: usage about to go over memory.max; empty on v1
 * @param oomGroupKill v2 {@code oom_group_kill} (Linux 5.17+); empty when absent
 * @param underOom     v1 {@code under_oom}: 1 while the cgroup is in OOM with the killer disabled; empty on v2
 */
public record MemoryEvents(long oom, long oomKill, OptionalLong low, OptionalLong high, OptionalLong max,
                           OptionalLong oomGroupKill, OptionalLong underOom) {
}
