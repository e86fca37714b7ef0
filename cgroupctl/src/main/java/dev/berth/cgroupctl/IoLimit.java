package dev.berth.cgroupctl;

/**
 * A block IO throttle for one device. v2: one key of an {@code io.max} line ({@code 8:0 rbps=1048576});
 * v1: one line of {@code blkio.throttle.read_bps_device} etc. ({@code 8:0 1048576}; {@code 0} removes it).
 *
 * @param major device major number, {@code >= 0}
 * @param minor device minor number, {@code >= 0}
 * @param kind  which throttle
 * @param value the limit, {@link Limit#UNLIMITED} to remove it. Units: bytes/s or operations/s
 */
public record IoLimit(int major, int minor, Kind kind, Limit value) {

    /** The four throttles, with their file names in both versions. */
    public enum Kind {
        /** Read bytes per second. */
        READ_BPS("rbps", "blkio.throttle.read_bps_device"),
        /** Write bytes per second. */
        WRITE_BPS("wbps", "blkio.throttle.write_bps_device"),
        /** Read operations per second. */
        READ_IOPS("riops", "blkio.throttle.read_iops_device"),
        /** Write operations per second. */
        WRITE_IOPS("wiops", "blkio.throttle.write_iops_device");

        private final String v2Key;
        private final String v1File;

        Kind(String v2Key, String v1File) {
            this.v2Key = v2Key;
            this.v1File = v1File;
        }

        /** @return the key in v2 {@code io.max}, e.g. {@code rbps} */
        public String v2Key() {
            return v2Key;
        }

        /** @return the v1 file, e.g. {@code blkio.throttle.read_bps_device} */
        public String v1File() {
            return v1File;
        }
    }

    /** @throws IllegalArgumentException for negative device numbers or a zero limit (the kernel treats 0 as "none") */
    public IoLimit {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("invalid device " + major + ":" + minor
                    + ": expected MAJOR:MINOR with non-negative numbers");
        }
        if (value.value().orElse(1) == 0) {
            throw new IllegalArgumentException("invalid io limit 0 for " + major + ":" + minor
                    + ": expected a positive number or max");
        }
    }
}
