package dev.berth.cgroupctl.kernfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How many cgroup files may be kept open at once. A host with 2000 cgroups and a dozen statistics files each would
 * need 24,000 descriptors, more than a default {@code ulimit -n} (often 1024 soft, raised by the JVM to the hard
 * limit, e.g. 20,000 here); files beyond the budget are read with open, read, close as before. The descriptor
 * limit is the process's, so every {@code CgroupFs} of the process shares one budget ({@link #forThisProcess()});
 * thread-safe.
 */
public final class FileBudget {
    private final int max;
    private int used;

    /** @param max the number of descriptors that may be held */
    public FileBudget(int max) {
        this.max = max;
    }

    /**
     * This process's descriptor limit less 2048 or 10 %, whichever is more (kept for sockets, the terminal, the
     * JVM's jars and whatever else berth opens).
     *
     * The limit is the soft "Max open files" of {@code /proc/self/limits} (the JVM has already raised it to the
     * hard limit), 1024 when that cannot be read.
     *
     * @return the budget for this process
     */
    public static FileBudget forThisProcess() {
        return Process.BUDGET;
    }

    /** The process-wide budget, made on first use (a holder: the limit is read once, lazily). */
    private static final class Process {
        static final FileBudget BUDGET = readLimit();
    }

    private static FileBudget readLimit() {
        long limit = 1024;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    String[] f = line.substring("Max open files".length()).trim().split("\\s+");
                    limit = f[0].equals("unlimited") ? 1 << 20 : Long.parseLong(f[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or an unexpected format: keep the conservative default
        }
        return new FileBudget((int) Math.max(0, Math.min(limit - 2048, limit * 9 / 10)));
    }

    /** @return true if one more descriptor may be held; the caller must {@link #release()} it later */
    public synchronized boolean tryAcquire() {
        if (used >= max) {
            return false;
        }
        used++;
        return true;
    }

    /** Returns one descriptor to the budget. */
    public synchronized void release() {
        if (used > 0) {
            used--;
        }
    }

    /** @return descriptors held now */
    public synchronized int used() {
        return used;
    }
}
