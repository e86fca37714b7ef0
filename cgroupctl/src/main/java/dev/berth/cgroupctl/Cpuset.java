package dev.berth.cgroupctl;

import dev.berth.cgroupctl.format.MalformedContentException;
import dev.berth.cgroupctl.format.RangeListFormat;
import java.util.BitSet;

/**
 * CPUs and memory nodes a cgroup may use, in the kernel's list syntax ({@code 0-3,8}).
 *
 * <p>v1: {@code cpuset.cpus} and {@code cpuset.mems}. v2: the same files; when one is empty (the cgroup inherits
 * its parent's set) the reader returns {@code cpuset.cpus.effective} / {@code cpuset.mems.effective} instead.
 *
 * @param cpus CPU list, e.g. {@code 0-1}; never null
 * @param mems memory node list, e.g. {@code 0}; never null
 */
public record Cpuset(String cpus, String mems) {

    /** @throws IllegalArgumentException if a list is not in the kernel's syntax */
    public Cpuset {
        cpus = cpus.strip();
        mems = mems.strip();
        check("cpus", cpus);
        check("mems", mems);
    }

    private static void check(String what, String list) {
        try {
            RangeListFormat.parse(list);
        } catch (MalformedContentException e) {
            throw new IllegalArgumentException("invalid cpuset " + what + " \"" + list
                    + "\": expected a list like 0-3,8", e);
        }
    }

    /** @return the CPUs as a bit set (bit n = CPU n) */
    public BitSet cpuSet() {
        return parsed(cpus);
    }

    /** @return the memory nodes as a bit set (bit n = node n) */
    public BitSet memSet() {
        return parsed(mems);
    }

    private static BitSet parsed(String list) {
        try {
            return RangeListFormat.parse(list);
        } catch (MalformedContentException e) {
            throw new IllegalStateException("validated in the constructor", e);
        }
    }
}
