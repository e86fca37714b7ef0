package dev.berth.cgroupctl.v2;

import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.Pressure;
import dev.berth.cgroupctl.PressureResource;
import dev.berth.cgroupctl.format.PsiFormat;
import dev.berth.cgroupctl.kernfs.CgroupDir;

/**
 * PSI files of a cgroup2 cgroup ({@code cpu.pressure}, {@code memory.pressure}, {@code io.pressure}). They are core
 * files, present without any controller (Linux 4.20+), and answer EOPNOTSUPP when the kernel runs with {@code psi=0}.
 */
public final class PressureController {
    private final CgroupDir dir;

    /** @param dir the cgroup's directory */
    public PressureController(CgroupDir dir) {
        this.dir = dir;
    }

    /**
     * Reads one PSI file, kept open by a sampler's directory and parsed in place (a sampler reads three per container
     * per tick). @return the pressure @throws CgroupException on failure
     */
    public Pressure readPressure(PressureResource r) throws CgroupException {
        return dir.readBytes(r.fileName(), PsiFormat::parse);
    }
}
