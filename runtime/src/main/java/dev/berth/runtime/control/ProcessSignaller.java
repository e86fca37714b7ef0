package dev.berth.runtime.control;

import java.io.IOException;

/** Sends signals to processes; an interface so that tests of callers can record instead of kill. */
public interface ProcessSignaller {
    /**
     * Sends {@code signal} to {@code pid}.
     *
     * @return false if there is no such process (it exited first), true if the signal was sent
     * @throws IOException if the kernel refused for another reason (e.g. EPERM)
     */
    boolean signal(long pid, KillSignal signal) throws IOException;
}
