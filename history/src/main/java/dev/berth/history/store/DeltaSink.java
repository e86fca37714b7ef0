package dev.berth.history.store;

import dev.berth.cgroupctl.Limit;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Writes values as differences from a reference value (the same field of the chunk's key frame), so that what did
 * not change costs one byte that zstd then all but removes. Every encoding is exact: differences wrap around in
 * 64 bits, and a double that is not a whole number of hundredths is written as its raw bits. {@link DeltaSource}
 * reads it back given the same references. Not thread-safe.
 */
final class DeltaSink {
    /** Magnitude below which a value in hundredths (PSI averages, load) is written as a varint. */
    static final long CENTI_LIMIT = 1L << 50;

    final ByteSink out;

    DeltaSink(ByteSink out) {
        this.out = out;
    }

    void num(long v, long ref) {
        out.svarint(v - ref);
    }

    /** 0 absent; 1 then 8 raw bytes; otherwise zig-zag(difference) + 2. */
    void opt(OptionalLong v, OptionalLong ref) {
        if (v.isEmpty()) {
            out.uvarint(0);
            return;
        }
        long d = v.getAsLong() - ref.orElse(0);
        long z = (d << 1) ^ (d >> 63);
        if (Long.compareUnsigned(z, -3L) <= 0) {
            out.uvarint(z + 2);
        } else {
            out.uvarint(1);
            out.fixed64(v.getAsLong());
        }
    }

    /** 0 absent; 1 unlimited; 2 then 8 raw bytes; otherwise zig-zag(difference) + 3. */
    void limit(Optional<Limit> v, Optional<Limit> ref) {
        if (v.isEmpty()) {
            out.uvarint(0);
            return;
        }
        if (v.get().isUnlimited()) {
            out.uvarint(1);
            return;
        }
        long amount = v.get().value().getAsLong();
        long d = amount - ref.flatMap(l -> l.isUnlimited() ? Optional.empty() : Optional.of(l.value().getAsLong()))
                .orElse(0L);
        long z = (d << 1) ^ (d >> 63);
        if (Long.compareUnsigned(z, -4L) <= 0) {
            out.uvarint(z + 3);
        } else {
            out.uvarint(2);
            out.fixed64(amount);
        }
    }

    /**
     * The kernel prints PSI averages and the load with two decimals; those are written as hundredths (exact: the
     * nearest double to n/100 is what parsing "n/100" gives). Anything else as its raw bits.
     */
    void dbl(double v, double ref) {
        if (isCenti(v)) {
            long d = Math.round(v * 100) - (isCenti(ref) ? Math.round(ref * 100) : 0);
            out.uvarint(((d << 1) ^ (d >> 63)) << 1);
        } else {
            out.uvarint(1);
            out.fixed64(Double.doubleToRawLongBits(v));
        }
    }

    void optDbl(OptionalDouble v, OptionalDouble ref) {
        out.u8(v.isPresent() ? 1 : 0);
        if (v.isPresent()) {
            dbl(v.getAsDouble(), ref.orElse(0));
        }
    }

    /** Whether {@code v} is exactly a whole number of hundredths (not -0.0), stored as {@code round(v * 100)}. */
    static boolean isCenti(double v) {
        if (!(Math.abs(v) < CENTI_LIMIT / 100.0)) {
            return false;
        }
        long c = Math.round(v * 100);
        return c / 100.0 == v && Double.doubleToRawLongBits(v) != Double.doubleToRawLongBits(-0.0);
    }

    /** 0 equal to the reference; otherwise length + 1 and UTF-8. */
    void str(String v, String ref) {
        if (v.equals(ref)) {
            out.uvarint(0);
            return;
        }
        byte[] b = v.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.uvarint(b.length + 1L);
        out.bytes(b);
    }

    /** 0 equal to the reference; 1 absent; otherwise length + 2 and UTF-8. */
    void optStr(Optional<String> v, Optional<String> ref) {
        if (Objects.equals(v, ref)) {
            out.uvarint(0);
        } else if (v.isEmpty()) {
            out.uvarint(1);
        } else {
            byte[] b = v.get().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.uvarint(b.length + 2L);
            out.bytes(b);
        }
    }

    void bool(boolean v) {
        out.u8(v ? 1 : 0);
    }

    /**
     * {@code t - base}: in microseconds when it is a whole number of them (what the system clock gives), else in
     * nanoseconds; the low bit says which.
     */
    void time(Instant t, Instant base) {
        long d = Duration.between(base, t).toNanos();
        if (Math.abs(d) >= 1L << 60) {
            throw new IllegalArgumentException("sample time " + t + " is too far from its frame's time " + base);
        }
        if (d % 1000 == 0) {
            long m = d / 1000;
            out.uvarint(((m << 1) ^ (m >> 63)) << 1);
        } else {
            out.uvarint((((d << 1) ^ (d >> 63)) << 1) | 1);
        }
    }
}
