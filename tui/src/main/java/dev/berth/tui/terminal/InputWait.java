package dev.berth.tui.terminal;

import java.time.Duration;

/**
 * How the console's input thread waits between looks for keys. It must never sit in a blocking {@code read(2)}
 * (that read would outlive the console and take the keys typed after it), so it waits for the terminal to have
 * input, or for a while, and then looks without blocking.
 */
@FunctionalInterface
public interface InputWait {
    /**
     * Returns when input may be waiting, or after at most {@code max}, or at once after a signal.
     *
     * @return whether input is known to be waiting (false: the time ran out, or it cannot be told)
     */
    boolean await(Duration max) throws InterruptedException;

    /**
     * Whether {@link #await} returns as soon as input arrives ({@code poll(2)}), so that a long {@code max} costs no
     * key latency; false for {@link #SLEEP}.
     */
    default boolean wakesOnInput() {
        return true;
    }

    /** Sleeps {@code max} and says nothing about input: for terminals that are not a file descriptor. */
    InputWait SLEEP = new InputWait() {
        @Override
        public boolean await(Duration max) throws InterruptedException {
            Thread.sleep(max.toMillis());
            return false;
        }

        @Override
        public boolean wakesOnInput() {
            return false;
        }
    };
}
