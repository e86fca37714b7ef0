package dev.berth.runtime.control;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import jnr.constants.platform.Signal;

/**
 * A signal as {@code kill -s} takes it: {@code KILL}, {@code SIGTERM}, {@code hup}, {@code 15}.
 * Names and numbers come from jnr-constants' table for the running platform, so they are the
 * kernel's, not a copy of them.
 *
 * @param name the canonical name without "SIG", e.g. {@code TERM}; for a number without a name
 *     (real-time signals), the number
 * @param number the signal number, 1..64
 */
public record KillSignal(String name, int number) {
    /** SIGKILL, the default of {@code berth kill}. */
    public static final KillSignal KILL = parse("KILL");
    /** SIGTERM, what {@code berth stop} sends first. */
    public static final KillSignal TERM = parse("TERM");
    /** The largest signal number on Linux (SIGRTMAX). */
    public static final int MAX = 64;

    /**
     * Parses a signal name (with or without SIG, any case) or number.
     *
     * @throws IllegalArgumentException naming the text and what is accepted
     */
    public static KillSignal parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.matches("\\d{1,3}")) {
            int n = Integer.parseInt(t);
            if (n < 1 || n > MAX) {
                throw new IllegalArgumentException("signal " + t + " is out of range: expected 1.." + MAX
                        + " or a name such as TERM, KILL, HUP");
            }
            return Arrays.stream(Signal.values())
                    .filter(s -> s.defined() && s.intValue() == n)
                    .findFirst()
                    .map(s -> new KillSignal(s.name().substring(3), n))
                    .orElse(new KillSignal(Integer.toString(n), n));
        }
        String upper = t.toUpperCase(Locale.ROOT);
        String full = upper.startsWith("SIG") ? upper : "SIG" + upper;
        for (Signal s : Signal.values()) {
            if (s.defined() && s.name().equals(full) && s.intValue() > 0) {
                return new KillSignal(full.substring(3), s.intValue());
            }
        }
        throw new IllegalArgumentException("unknown signal \"" + t + "\": expected a number 1.." + MAX + " or one of "
                + names());
    }

    private static String names() {
        return Arrays.stream(Signal.values())
                .filter(s -> s.defined() && s.intValue() > 0 && s.intValue() <= MAX && s.name().startsWith("SIG"))
                .sorted((a, b) -> Integer.compare(a.intValue(), b.intValue()))
                .map(s -> s.name().substring(3))
                .distinct()
                .collect(Collectors.joining(" "));
    }

    /** {@code SIGTERM}, or the number for unnamed signals. */
    @Override
    public String toString() {
        return name.chars().allMatch(Character::isDigit) ? name : "SIG" + name;
    }
}
