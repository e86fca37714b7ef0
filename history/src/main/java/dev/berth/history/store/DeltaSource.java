package dev.berth.history.store;

import dev.berth.cgroupctl.Limit;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Reads what {@link DeltaSink} wrote, given the same reference values. Not thread-safe. */
final class DeltaSource {
    private static final Optional<Limit> UNLIMITED = Optional.of(Limit.UNLIMITED);

    final ByteSource in;

    DeltaSource(ByteSource in) {
        this.in = in;
    }

    long num(long ref) {
        return ref + in.svarint();
    }

    OptionalLong opt(OptionalLong ref) {
        long t = in.uvarint();
        if (t == 0) {
            return OptionalLong.empty();
        }
        if (t == 1) {
            return OptionalLong.of(in.fixed64());
        }
        long z = t - 2;
        if (z == 0 && ref.isPresent()) {
            return ref; // unchanged (most of a sample's counters): the reference's object, nothing allocated
        }
        return OptionalLong.of(ref.orElse(0) + ((z >>> 1) ^ -(z & 1)));
    }

    Optional<Limit> limit(Optional<Limit> ref) {
        long t = in.uvarint();
        if (t == 0) {
            return Optional.empty();
        }
        if (t == 1) {
            return ref.isPresent() && ref.get().isUnlimited() ? ref : UNLIMITED;
        }
        long amount;
        if (t == 2) {
            amount = in.fixed64();
        } else {
            long z = t - 3;
            long base = ref.flatMap(l -> l.isUnlimited() ? Optional.empty() : Optional.of(l.value().getAsLong()))
                    .orElse(0L);
            amount = base + ((z >>> 1) ^ -(z & 1));
        }
        if (amount < 0) {
            throw new CorruptRecordException("negative limit " + amount);
        }
        if (ref.isPresent() && !ref.get().isUnlimited() && ref.get().value().getAsLong() == amount) {
            return ref;
        }
        return Optional.of(Limit.of(amount));
    }

    double dbl(double ref) {
        long t = in.uvarint();
        if ((t & 1) == 1) {
            if (t != 1) {
                throw new CorruptRecordException("bad double tag " + t);
            }
            return Double.longBitsToDouble(in.fixed64());
        }
        long z = t >>> 1;
        // +0.0 (most PSI averages) first: isCenti's rounding is most of a decode's cost in C1-compiled code
        long base = Double.doubleToRawLongBits(ref) == 0 ? 0 : DeltaSink.isCenti(ref) ? Math.round(ref * 100) : 0;
        long c = base + ((z >>> 1) ^ -(z & 1));
        return c / 100.0;
    }

    OptionalDouble optDbl(OptionalDouble ref) {
        return bool() ? OptionalDouble.of(dbl(ref.orElse(0))) : OptionalDouble.empty();
    }

    String str(String ref) {
        long t = in.uvarint();
        if (t == 0) {
            if (ref == null) {
                throw new CorruptRecordException("string refers to a missing reference");
            }
            return ref;
        }
        return utf8(t - 1);
    }

    Optional<String> optStr(Optional<String> ref) {
        long t = in.uvarint();
        if (t == 0) {
            return ref;
        }
        if (t == 1) {
            return Optional.empty();
        }
        return Optional.of(utf8(t - 2));
    }

    boolean bool() {
        int b = in.u8();
        if (b > 1) {
            throw new CorruptRecordException("bad boolean " + b);
        }
        return b == 1;
    }

    Instant time(Instant base) {
        long t = in.uvarint();
        boolean nanos = (t & 1) == 1;
        long z = t >>> 1;
        long d = (z >>> 1) ^ -(z & 1);
        return nanos ? base.plusNanos(d) : base.plusNanos(d * 1000);
    }

    void skipOpt() {
        if (in.uvarint() == 1) {
            in.fixed64();
        }
    }

    void skipLimit() {
        if (in.uvarint() == 2) {
            in.fixed64();
        }
    }

    void skipDbl() {
        long t = in.uvarint();
        if ((t & 1) == 1) {
            if (t != 1) {
                throw new CorruptRecordException("bad double tag " + t);
            }
            in.fixed64();
        }
    }

    void skipStr() {
        long t = in.uvarint();
        if (t > 0) {
            int n = checkLength(t - 1);
            for (int i = 0; i < n; i++) {
                in.u8();
            }
        }
    }

    private String utf8(long n) {
        byte[] b = new byte[checkLength(n)];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) in.u8();
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    private static int checkLength(long n) {
        if (n < 0 || n > 1 << 20) {
            throw new CorruptRecordException("string length " + n + " out of range");
        }
        return (int) n;
    }
}
