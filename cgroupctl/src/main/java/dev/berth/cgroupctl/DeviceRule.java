package dev.berth.cgroupctl;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One entry of a device allow-list, as v1 {@code devices.allow} and {@code devices.list} write it:
 * {@code c 1:3 rwm}, {@code b *:* m}.
 *
 * @param type  character or block device
 * @param major the major number; empty for any ({@code *})
 * @param minor the minor number; empty for any ({@code *})
 * @param access what is allowed: one or more of {@code r} (read), {@code w} (write), {@code m} (mknod), in that
 *              order
 */
public record DeviceRule(Type type, OptionalInt major, OptionalInt minor, String access) {
    /** The kind of device node. */
    public enum Type {
        CHAR('c'), BLOCK('b');

        private final char letter;

        Type(char letter) {
            this.letter = letter;
        }

        /** @return {@code c} or {@code b} */
        public char letter() {
            return letter;
        }
    }

    public DeviceRule {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(major, "major");
        Objects.requireNonNull(minor, "minor");
        if (access == null || !access.matches("r?w?m?") || access.isEmpty()) {
            throw new IllegalArgumentException("invalid device access \"" + access
                    + "\": expected one or more of r, w, m, in that order");
        }
        if (major.orElse(0) < 0 || minor.orElse(0) < 0) {
            throw new IllegalArgumentException("invalid device number " + major + ":" + minor
                    + ": expected numbers from 0, or any");
        }
    }

    /** A character device {@code major:minor}. */
    public static DeviceRule character(int major, int minor, String access) {
        return new DeviceRule(Type.CHAR, OptionalInt.of(major), OptionalInt.of(minor), access);
    }

    /** Every character device of {@code major} ({@code c major:* access}). */
    public static DeviceRule characterMajor(int major, String access) {
        return new DeviceRule(Type.CHAR, OptionalInt.of(major), OptionalInt.empty(), access);
    }

    /** Every device of a type ({@code c *:* access} or {@code b *:* access}). */
    public static DeviceRule any(Type type, String access) {
        return new DeviceRule(type, OptionalInt.empty(), OptionalInt.empty(), access);
    }

    /** The v1 {@code devices.allow} line, also how {@code devices.list} prints it: {@code c 136:* rwm}. */
    public String toV1() {
        return type.letter() + " " + number(major) + ":" + number(minor) + " " + access;
    }

    private static String number(OptionalInt n) {
        return n.isPresent() ? Integer.toString(n.getAsInt()) : "*";
    }

    @Override
    public String toString() {
        return toV1();
    }
}
