package dev.berth.history.store;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Times one read of a day from a store, the way a host report reads it, in a fresh JVM: arguments store directory,
 * the day's start (UTC), and the mode: {@code host} ({@link StoreReader#hostFrames}, what {@code berth history
 * --date} does since the host-only decoding), {@code skeleton} (every container parsed past as a skeleton, what it
 * did before) or {@code all} (every container decoded, as {@code --top} does). Prints frames, the reading thread's
 * CPU, the process's CPU (the decoder threads, GC and JIT included) and wall time. Not a test.
 */
public final class DayRead {
    private DayRead() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Instant from = Instant.parse(args[1]);
        Instant to = from.plus(1, ChronoUnit.DAYS);
        String mode = args[2];
        StoreReader r = new StoreReader(dir, System.err::println);
        AtomicLong frames = new AtomicLong();
        AtomicLong containers = new AtomicLong();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long proc0 = os.getProcessCpuTime();
        long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        switch (mode) {
            case "host" -> r.hostFrames(from, to, f -> frames.incrementAndGet());
            case "skeleton" -> r.frames(from, to, id -> false, f -> frames.incrementAndGet());
            case "all" -> r.frames(from, to, id -> true, f -> {
                frames.incrementAndGet();
                containers.addAndGet(f.containers().size());
            });
            default -> throw new IllegalArgumentException("mode is host, skeleton or all, not " + mode);
        }
        long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0;
        long wall = System.nanoTime() - wall0;
        long proc = os.getProcessCpuTime() - proc0;
        System.out.printf("%s: %d frames (%d container samples), %.3f s reading-thread CPU, %.3f s process CPU, "
                + "%.3f s wall%n", mode, frames.get(), containers.get(), cpu / 1e9, proc / 1e9, wall / 1e9);
    }
}
