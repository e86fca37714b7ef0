package dev.berth.collectors.proc;

/**
 * One interface line of {@code /proc/<pid>/net/dev}: cumulative counters since the interface was created
 * in that network namespace.
 */
public record NetDevCounters(String iface, long rxBytes, long rxPackets, long rxErrors, long rxDrops,
        long txBytes, long txPackets, long txErrors, long txDrops) {

    /** True for the loopback interface, which totals leave out (its traffic never leaves the namespace). */
    public boolean loopback() {
        return iface.equals("lo");
    }
}
