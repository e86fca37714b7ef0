package dev.berth.export;

import dev.berth.collectors.Collector;
import dev.berth.collectors.ContainerIdentity;
import dev.berth.collectors.Snapshot;
import dev.berth.collectors.TickOptions;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code berth serve}'s sampling: one tick of every cgroup (as cAdvisor exports every cgroup, not only
 * containers) per interval, published to the exporter. Ticks follow a fixed schedule, so the interval does not
 * drift by the cost of each tick; a tick that overruns the next start delays it rather than piling up.
 *
 * <p>Runs on the calling thread until it is interrupted.
 */
public final class ServeLoop {
    /** Every cgroup, no processes: what a cAdvisor-style scrape shows. */
    static final TickOptions TICK = new TickOptions(true, false, Set.of());

    private final Collector collector;
    private final Exporter exporter;
    private final Duration interval;
    private final Function<ContainerIdentity, Optional<String>> images;

    /**
     * @param collector the host's collector (this loop is its only caller)
     * @param exporter  where to publish
     * @param interval  time between samples, positive
     * @param images    the image of a container, if known (called on this loop's thread)
     */
    public ServeLoop(Collector collector, Exporter exporter, Duration interval,
            Function<ContainerIdentity, Optional<String>> images) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, got " + interval);
        }
        this.collector = collector;
        this.exporter = exporter;
        this.interval = interval;
        this.images = images;
    }

    /** Samples and publishes until interrupted; returns with the interrupt flag set. */
    public void run() {
        long next = System.nanoTime();
        while (!Thread.currentThread().isInterrupted()) {
            long start = System.nanoTime();
            Snapshot s = collector.tick(TICK);
            exporter.publish(collector, s, Duration.ofNanos(System.nanoTime() - start), images);
            next = Math.max(next + interval.toNanos(), System.nanoTime());
            try {
                Thread.sleep(Duration.ofNanos(next - System.nanoTime()).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
