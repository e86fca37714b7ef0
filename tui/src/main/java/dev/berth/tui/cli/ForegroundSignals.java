package dev.berth.tui.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * While a foreground container runs, ^C and friends belong to it: the terminal sends SIGINT to
 * berth's whole process group, the helper forwards it to the container (which is in its own
 * session), and berth itself must survive to record the exit status and remove the cgroup. So
 * berth ignores SIGINT for that time and passes SIGTERM/SIGHUP on to the helper.
 *
 * <p>{@code sun.misc.Signal} (module jdk.unsupported) is the JDK's only way to handle a signal
 * without native code; it is exported for exactly this purpose.
 */
final class ForegroundSignals implements AutoCloseable {
    // SIGQUIT is the JVM's own (thread dumps) and cannot be taken over
    private static final String[] IGNORED = {"INT"};
    private static final String[] FORWARDED = {"TERM", "HUP"};

    private final SignalHandler[] saved = new SignalHandler[IGNORED.length + FORWARDED.length];

    ForegroundSignals(ProcessHandle helper) {
        int i = 0;
        for (String s : IGNORED) {
            saved[i++] = Signal.handle(new Signal(s), sig -> { });
        }
        for (String s : FORWARDED) {
            // destroy() is SIGTERM; the helper forwards it to the container
            saved[i++] = Signal.handle(new Signal(s), sig -> helper.destroy());
        }
    }

    @Override
    public void close() {
        int i = 0;
        for (String s : IGNORED) {
            Signal.handle(new Signal(s), saved[i++]);
        }
        for (String s : FORWARDED) {
            Signal.handle(new Signal(s), saved[i++]);
        }
    }
}
