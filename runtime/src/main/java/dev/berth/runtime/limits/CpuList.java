package dev.berth.runtime.limits;

import dev.berth.cgroupctl.format.RangeListFormat;
import java.util.BitSet;

/**
 * {@code --cpuset-cpus}: a CPU list in the kernel's syntax ({@code 0}, {@code 0-3}, {@code 0,2,4-7}).
 * Parsing checks the syntax only; whether the CPUs are online is the host's business
 * ({@link LimitResolver}).
 *
 * @param cpus the CPUs (bit n = CPU n), never empty
 */
public record CpuList(BitSet cpus) {
    /** One more than the largest CPU number any kernel has (NR_CPUS is at most 8192). */
    public static final int MAX_CPU = 8192;

    public CpuList {
        if (cpus.isEmpty()) {
            throw new IllegalArgumentException("a cpu list needs at least one cpu");
        }
        cpus = (BitSet) cpus.clone();
    }

    /**
     * Parses a CPU list. Not {@link RangeListFormat#parse}, which reads what the kernel wrote: this reads what a
     * user typed, so it allows spaces around items, rejects signs and CPUs from {@link #MAX_CPU} up, and names the
     * bad part in its message.
     *
     * @throws IllegalArgumentException naming the text, the offending part and the syntax
     */
    public static CpuList parse(String text) {
        String t = text == null ? "" : text.strip();
        BitSet set = new BitSet();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("\"\" is not a cpu list: expected cpu numbers and ranges such as 0-1,3");
        }
        for (String item : t.split(",", -1)) {
            String part = item.strip();
            String[] ends = part.split("-", -1);
            if (ends.length > 2 || !ends[0].matches("\\d{1,5}") || (ends.length == 2 && !ends[1].matches("\\d{1,5}"))) {
                throw new IllegalArgumentException("\"" + t + "\" is not a cpu list (bad part \"" + part
                        + "\"): expected cpu numbers and ranges such as 0-1,3");
            }
            int from = Integer.parseInt(ends[0]);
            int to = ends.length == 2 ? Integer.parseInt(ends[1]) : from;
            if (from > to) {
                throw new IllegalArgumentException("\"" + t + "\" is not a cpu list: range " + part
                        + " is reversed (expected LOW-HIGH)");
            }
            if (to >= MAX_CPU) {
                throw new IllegalArgumentException("\"" + t + "\": cpu " + to + " is out of range: expected 0.."
                        + (MAX_CPU - 1));
            }
            set.set(from, to + 1);
        }
        return new CpuList(set);
    }

    /** A copy of the set. */
    @Override
    public BitSet cpus() {
        return (BitSet) cpus.clone();
    }

    /** The canonical kernel form, ranges merged: {@code 0-3,6}. */
    @Override
    public String toString() {
        return RangeListFormat.format(cpus);
    }
}
