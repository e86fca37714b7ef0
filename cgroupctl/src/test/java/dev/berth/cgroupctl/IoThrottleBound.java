package dev.berth.cgroupctl;

/**
 * What a block-IO bandwidth throttle ({@code io.max} rbps/wbps, v1 {@code blkio.throttle.*_bps_device}) guarantees,
 * whatever CPU the IO's issuer got: from a cgroup's creation on, the bytes it has had dispatched (its {@code io.stat}
 * counter) never exceed the rate times the elapsed time, plus what the throttle lets through ahead: it grants in
 * slices of 100 ms (the default {@code throtl_slice}), rounds the time elapsed up to a slice, and carries at most
 * about a slice over when it trims them, so two slices' worth and one request (a kernel that lets a request through
 * while the bytes before it are within the grant) are the slack. Elapsed time is this machine's monotonic clock, the clock the kernel's jiffies
 * follow; a lower bound on the rate is not a guarantee (a starved writer writes less) and is not asserted.
 *
 * @param bytesPerSecond the throttle. Units: bytes per second
 * @param requestBytes   the size of the issuer's requests (dd's block size). Units: bytes
 * @param bytes          bytes dispatched since the cgroup was created (it started at zero)
 * @param nanos          time from before the first IO could start to after {@code bytes} was read. Units: nanoseconds
 */
public record IoThrottleBound(long bytesPerSecond, long requestBytes, long bytes, long nanos) {
    /** The throttle's grant period and the slack: two of them. Units: seconds */
    static final double SLACK_SECONDS = 0.2;

    /** @return the most the throttle lets through in {@link #nanos()}. Units: bytes */
    public long boundBytes() {
        return (long) (bytesPerSecond * (nanos / 1e9 + SLACK_SECONDS)) + requestBytes;
    }

    /** @return whether {@link #bytes()} is within {@link #boundBytes()} */
    public boolean holds() {
        return bytes <= boundBytes();
    }

    @Override
    public String toString() {
        return String.format("%d bytes in %.2f s since the writer was released (bound %d: %.2f MiB/s + %.1f s + one "
                + "request of %d), %.2f MiB/s on average", bytes, nanos / 1e9, boundBytes(), bytesPerSecond / 1048576.0,
                SLACK_SECONDS, requestBytes, bytes / 1048576.0 / (nanos / 1e9));
    }
}
