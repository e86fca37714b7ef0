package dev.berth.cgroupctl;

/** The resources the kernel reports pressure stall information (PSI) for. */
public enum PressureResource {
    /** {@code cpu.pressure}. */
    CPU("cpu.pressure"),
    /** {@code memory.pressure}. */
    MEMORY("memory.pressure"),
    /** {@code io.pressure}. */
    IO("io.pressure");

    private final String fileName;

    PressureResource(String fileName) {
        this.fileName = fileName;
    }

    /** @return the cgroup file name, e.g. {@code cpu.pressure} */
    public String fileName() {
        return fileName;
    }
}
