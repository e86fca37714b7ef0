package dev.berth.cgroupctl;

import java.util.OptionalLong;

/**
 * A kernel limit that is either a number or the word {@code max}.
 *
 * <p>cgroup v2 writes {@code max} for "no limit"; cgroup v1 uses {@code -1} or a huge page-rounded number.
 * Both become {@link #UNLIMITED} here, so no caller ever sees a sentinel number. Units are those of the file the
 * limit came from (bytes, microseconds, pids), named by the record component holding it.
 */
public sealed interface Limit permits Limit.Unlimited, Limit.Value {

    /** No limit ({@code max}). */
    Limit UNLIMITED = new Unlimited();

    /**
     * A finite limit.
     *
     * @param amount the limit, {@code >= 0}
     * @return the limit
     * @throws IllegalArgumentException if {@code amount} is negative
     */
    static Limit of(long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("invalid limit " + amount + ": expected a non-negative integer or max");
        }
        return new Value(amount);
    }

    /**
     * Parses {@code max} or a non-negative decimal integer, as written in cgroup files.
     *
     * @param text the text, surrounding whitespace ignored
     * @return the limit
     * @throws IllegalArgumentException naming the text and what is accepted
     */
    static Limit parse(String text) {
        String t = text.strip();
        if (t.equals("max")) {
            return UNLIMITED;
        }
        try {
            return of(Long.parseLong(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid limit \"" + t + "\": expected a non-negative integer or max", e);
        }
    }

    /** @return true for {@code max} */
    boolean isUnlimited();

    /** @return the number, or empty for {@code max} */
    OptionalLong value();

    /** The {@code max} value; use {@link Limit#UNLIMITED}. */
    record Unlimited() implements Limit {
        @Override
        public boolean isUnlimited() {
            return true;
        }

        @Override
        public OptionalLong value() {
            return OptionalLong.empty();
        }

        @Override
        public String toString() {
            return "max";
        }
    }

    /**
     * A finite limit.
     *
     * @param amount the limit, never negative
     */
    record Value(long amount) implements Limit {
        /** @throws IllegalArgumentException if {@code amount} is negative */
        public Value {
            if (amount < 0) {
                throw new IllegalArgumentException("invalid limit " + amount + ": expected a non-negative integer or max");
            }
        }

        @Override
        public boolean isUnlimited() {
            return false;
        }

        @Override
        public OptionalLong value() {
            return OptionalLong.of(amount);
        }

        @Override
        public String toString() {
            return Long.toString(amount);
        }
    }
}
