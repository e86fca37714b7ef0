package dev.berth.runtime.control;

import java.io.IOException;
import jnr.constants.platform.Errno;
import jnr.posix.POSIX;
import jnr.posix.POSIXFactory;

/**
 * kill(2) through jnr-posix: the JDK can only send SIGTERM and SIGKILL ({@code ProcessHandle.destroy}),
 * and only to its own children.
 */
public final class PosixSignaller implements ProcessSignaller {
    private final POSIX posix = POSIXFactory.getNativePOSIX();

    @Override
    public boolean signal(long pid, KillSignal signal) throws IOException {
        if (pid <= 0 || pid > Integer.MAX_VALUE) {
            // kill(0) and kill(-n) address process groups; never let a bad pid become one
            throw new IllegalArgumentException("refusing to signal pid " + pid);
        }
        if (posix.kill((int) pid, signal.number()) == 0) {
            return true;
        }
        int errno = posix.errno();
        if (errno == Errno.ESRCH.intValue()) {
            return false;
        }
        throw new IOException("kill(" + pid + ", " + signal + ") failed: " + Errno.valueOf(errno).description());
    }
}
