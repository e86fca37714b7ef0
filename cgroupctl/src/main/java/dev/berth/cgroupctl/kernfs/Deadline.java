package dev.berth.cgroupctl.kernfs;

import java.time.Duration;

/** A point in monotonic time for bounded polling of the kernel (freeze, kill, rmdir). */
public final class Deadline {
    private final long endNanos;
    private long sleepMs = 1;

    private Deadline(long endNanos) {
        this.endNanos = endNanos;
    }

    /** @param timeout from now @return the deadline */
    public static Deadline after(Duration timeout) {
        return new Deadline(System.nanoTime() + Math.max(0, timeout.toNanos()));
    }

    /** @return true when the deadline has passed */
    public boolean passed() {
        return System.nanoTime() - endNanos > 0;
    }

    /** @return time left, zero when passed */
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    /**
     * Sleeps before the next poll: 1 ms doubling to 16 ms. Freezing and exiting take well under a millisecond for an
     * idle task but tens of milliseconds for one in a long system call, so start fast and back off.
     */
    public void pause() {
        Hierarchy.sleep(sleepMs);
        sleepMs = Math.min(16, sleepMs * 2);
    }
}
