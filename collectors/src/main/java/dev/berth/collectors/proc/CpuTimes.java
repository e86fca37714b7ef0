package dev.berth.collectors.proc;

/**
 * One {@code cpu} line of {@code /proc/stat}, in clock ticks (USER_HZ). {@code guest} time is already
 * included in {@code user} by the kernel, so it is not a separate field here (adding it would count it twice).
 *
 * @param user    time in user mode (including guest)
 * @param nice    time in user mode at low priority (including guest_nice)
 * @param system  time in kernel mode
 * @param idle    idle time
 * @param iowait  idle time with IO outstanding
 * @param irq     time servicing hardware interrupts
 * @param softirq time servicing soft interrupts
 * @param steal   time stolen by the hypervisor
 */
public record CpuTimes(long user, long nice, long system, long idle, long iowait, long irq, long softirq,
        long steal) {

    /** Sum of all fields: the denominator for percentages. */
    public long total() {
        return user + nice + system + idle + iowait + irq + softirq + steal;
    }
}
