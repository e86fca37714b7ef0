package dev.berth.ops;

import dev.berth.runtime.control.KillSignal;
import dev.berth.runtime.control.PosixSignaller;
import dev.berth.runtime.control.ProcessSignaller;
import java.io.IOException;

/**
 * A {@link PosixSignaller} built at the first signal: loading jnr-posix costs a few hundred milliseconds of JVM
 * start-up, which {@code berth run}, {@code ps} and the console's first frame should not pay for a signal they
 * may never send.
 */
final class LazySignaller implements ProcessSignaller {
    private ProcessSignaller delegate;

    @Override
    public synchronized boolean signal(long pid, KillSignal signal) throws IOException {
        if (delegate == null) {
            delegate = new PosixSignaller();
        }
        return delegate.signal(pid, signal);
    }
}
