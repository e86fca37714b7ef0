package dev.berth.runtime.limits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;

/**
 * The host's online CPUs, from {@code <sysfs>/devices/system/cpu/online} (e.g. {@code 0-1}), the
 * set {@code cpuset.cpus} and the CFS quota are bounded by.
 */
public final class OnlineCpus {
    private final Path sysfs;

    /** @param sysfs the sysfs root, normally {@code /sys} */
    public OnlineCpus(Path sysfs) {
        this.sysfs = sysfs;
    }

    /**
     * Reads the online set.
     *
     * @throws IOException if the file is missing or not a CPU list
     */
    public BitSet read() throws IOException {
        Path file = sysfs.resolve("devices/system/cpu/online");
        String content = Files.readString(file).strip();
        try {
            return CpuList.parse(content).cpus();
        } catch (IllegalArgumentException e) {
            throw new IOException("malformed " + file + ": " + e.getMessage(), e);
        }
    }
}
