package dev.berth.cgroupctl;

import java.time.Duration;

/**
 * Evidence, from the kernel's own {@code cpu.stat} counters, that a CFS quota is in force on a busy cgroup: for the
 * live tests on machines whose CPU time no test can promise (a loaded CI box; the emulated v2 guest, whose vCPU the
 * host starves at will). A burner there may not reach its quota, so no wall-clock rate is asserted from below;
 * what the kernel guarantees is asserted instead:
 * <ul>
 * <li>the quota was used up: {@code nr_throttled} and {@code throttled_usec} grow;</li>
 * <li>it was not exceeded: over a window of {@code P} elapsed periods, {@code usage_usec} grows by at most
 * {@code (P + 2) × quota} (the runtime left in the pool when the window opens, one period's refill per period, and
 * one quota of slack for the runtime the run queues hold and overrun before they are throttled).</li>
 * </ul>
 * The period timer counts periods of the kernel's own clock ({@code nr_periods} grows by every period that elapsed,
 * however late the timer ran), so the bound does not depend on how much CPU the host gave.
 *
 * <p>One thing can push the usage over that bound for a while: time a stopped vCPU did not run but the guest's
 * clock counted is charged to the task it stopped in, and the run queue repays the debt from later periods. So the
 * window does not end at a fixed time: it ends at the first reading, after at least {@code P} periods, that shows
 * throttling and is within the bound (the event), and the wait is bounded: past {@code 4P} periods or the time
 * limit it fails, showing the counters.
 */
public final class CpuQuotaEvidence {
    private CpuQuotaEvidence() {
    }

    /**
     * Two readings of {@code cpu.stat} and the time between them on this machine's monotonic clock.
     *
     * @param max   the quota in force
     * @param from  the reading that opens the window
     * @param to    the reading that closes it
     * @param nanos time between the two readings. Units: nanoseconds
     * @param largestExcessUsec the most usage_usec grew, between two successive readings from the call on, beyond
     *                          the quota of the periods between them plus one: time charged to the burner while its
     *                          (v)CPU did not run, which it repays from later periods. Units: microseconds
     */
    public record Window(CpuMax max, CpuStat from, CpuStat to, long nanos, long largestExcessUsec) {
        /** @return CPU time used in the window. Units: microseconds */
        public long usageUsec() {
            return to.usage().usageUsec() - from.usage().usageUsec();
        }

        /** @return enforcement periods that elapsed in the window */
        public long periods() {
            return throttling(to).periods() - throttling(from).periods();
        }

        /** @return periods in the window in which the quota was used up */
        public long throttledPeriods() {
            return throttling(to).throttledPeriods() - throttling(from).throttledPeriods();
        }

        /** @return time spent throttled in the window. Units: microseconds */
        public long throttledUsec() {
            return throttling(to).throttledUsec() - throttling(from).throttledUsec();
        }

        /** @return the most CPU time the quota allows over {@link #periods()}. Units: microseconds */
        public long boundUsec() {
            return (periods() + 2) * max.quotaUsec().value().orElseThrow();
        }

        /** @return CPU used per elapsed period, in cores: the quota's own measure */
        public double coresPerPeriod() {
            return periods() == 0 ? 0 : usageUsec() / (double) (periods() * max.periodUsec());
        }

        /** @return CPU used over the wall-clock window, in cores (a figure, not a guarantee) */
        public double coresOverClock() {
            return usageUsec() / (nanos / 1000.0);
        }

        boolean holds() {
            return periods() > 0 && throttledPeriods() > 0 && throttledUsec() > 0 && usageUsec() <= boundUsec();
        }

        @Override
        public String toString() {
            return String.format("quota %s: %.3f cores per period (%.3f over %.2f s of clock); usage_usec +%d "
                    + "(bound %d), nr_periods +%d, nr_throttled +%d, throttled_usec +%d; largest step over its quota "
                    + "+%d us",
                    max, coresPerPeriod(), coresOverClock(), nanos / 1e9, usageUsec(), boundUsec(), periods(),
                    throttledPeriods(), throttledUsec(), largestExcessUsec);
        }
    }

    private static CpuThrottling throttling(CpuStat s) {
        return s.throttling().orElseThrow(() -> new AssertionError("no cpu controller: cpu.stat has no nr_periods"));
    }

    /**
     * Waits for the quota's regime, then measures a window of at least {@code periods} periods in it and returns it
     * once it shows the quota used up and not exceeded.
     *
     * <p>The regime: two periods elapsed since the call and the cgroup throttled in one of them. Only then does the
     * window open, so it measures the quota given, not a previous one nor a burner still starting (or still
     * frozen).
     *
     * @param c       the busy cgroup
     * @param max     the quota written to it (must be a number, not max)
     * @param periods the window's length in periods (at least 1)
     * @param limit   the longest wait, for both steps together
     * @return the window
     * @throws AssertionError with the counters, if the regime does not show or the bound does not hold in time
     */
    public static Window await(Cgroup c, CpuMax max, int periods, Duration limit) throws Exception {
        if (max.quotaUsec().value().isEmpty() || periods < 1) {
            throw new IllegalArgumentException("needs a quota and at least one period, got " + max + " " + periods);
        }
        assertEqualsMax(c, max);
        long deadline = System.nanoTime() + limit.toNanos();
        long pollMillis = Math.max(10, max.periodUsec() / 2000);
        long t0 = System.nanoTime();
        CpuStat s0 = c.readCpuStat();
        CpuStat s1 = s0;
        long largestExcess = 0;
        while (throttling(s1).periods() < throttling(s0).periods() + 2
                || throttling(s1).throttledPeriods() <= throttling(s0).throttledPeriods()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the quota did not throttle " + c.path() + " within " + limit
                        + " (a burner not running, or frozen?): " + new Window(max, s0, s1, System.nanoTime() - t0,
                        largestExcess));
            }
            Thread.sleep(pollMillis);
            CpuStat now = c.readCpuStat();
            largestExcess = Math.max(largestExcess, excess(max, s1, now));
            s1 = now;
        }
        long t1 = System.nanoTime();
        Window w;
        CpuStat last = s1;
        do {
            Thread.sleep(pollMillis);
            CpuStat now = c.readCpuStat();
            largestExcess = Math.max(largestExcess, excess(max, last, now));
            last = now;
            w = new Window(max, s1, now, System.nanoTime() - t1, largestExcess);
            if (w.periods() >= periods && w.holds()) {
                return w;
            }
        } while (w.periods() < 4L * periods && System.nanoTime() < deadline);
        throw new AssertionError("the quota's bound did not hold on " + c.path() + " after " + w.periods()
                + " periods (" + (System.nanoTime() > deadline ? "time limit " + limit : "at most " + 4 * periods)
                + "): " + w);
    }

    /** usage_usec growth from {@code a} to {@code b} beyond the quota of the periods between them plus one. */
    private static long excess(CpuMax max, CpuStat a, CpuStat b) {
        long allowed = (throttling(b).periods() - throttling(a).periods() + 1) * max.quotaUsec().value().orElseThrow();
        return Math.max(0, b.usage().usageUsec() - a.usage().usageUsec() - allowed);
    }

    private static void assertEqualsMax(Cgroup c, CpuMax max) throws CgroupException {
        CpuMax in = c.readCpuMax();
        if (!in.equals(max)) {
            throw new AssertionError("cpu.max of " + c.path() + " is " + in + ", not " + max);
        }
    }
}
