package dev.berth.cgroupctl.format;

import java.util.BitSet;

/** The kernel's list syntax of {@code cpuset.cpus}/{@code cpuset.mems}: {@code 0-3,8,10-11}; empty = no members. */
public final class RangeListFormat {
    private RangeListFormat() {
    }

    /**
     * @param content e.g. {@code "0-3,8\n"}
     * @return the members
     * @throws MalformedContentException if not a list of numbers and ascending ranges
     */
    public static BitSet parse(String content) throws MalformedContentException {
        BitSet out = new BitSet();
        String c = content.strip();
        if (c.isEmpty()) {
            return out;
        }
        for (String part : c.split(",")) {
            int dash = part.indexOf('-');
            int lo = Numbers.parseInt(dash < 0 ? part : part.substring(0, dash), c);
            int hi = dash < 0 ? lo : Numbers.parseInt(part.substring(dash + 1), c);
            if (lo < 0 || hi < lo || hi > 1 << 20) {
                throw new MalformedContentException(c, "expected ascending ranges of non-negative numbers");
            }
            out.set(lo, hi + 1);
        }
        return out;
    }

    /**
     * @param set members
     * @return the list in the kernel's syntax, e.g. {@code 0-3,8}; empty for an empty set
     */
    public static String format(BitSet set) {
        StringBuilder sb = new StringBuilder();
        int i = set.nextSetBit(0);
        while (i >= 0) {
            int end = set.nextClearBit(i) - 1;
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(i);
            if (end > i) {
                sb.append('-').append(end);
            }
            i = set.nextSetBit(end + 1);
        }
        return sb.toString();
    }
}
