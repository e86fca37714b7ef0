package dev.berth.tui.cli;

import dev.berth.runtime.control.KillSignal;
import dev.berth.runtime.control.PosixSignaller;
import dev.berth.runtime.launch.RunningContainer;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * While a foreground container runs, ^C and friends belong to it: the terminal sends SIGINT to
 * berth's whole process group, the helper forwards it to the container (which is in its own
 * session), and berth itself must survive to record the exit status and remove the cgroup. So
 * berth ignores SIGINT for that time.
 *
 * <p>SIGTERM and SIGHUP (the session that ran berth went away) are passed on to the container as
 * themselves, as {@code docker run} does, and then berth stops the container the way
 * {@code berth stop} does: if it has not exited {@link #GRACE} later, every process in its cgroup
 * is killed. Without that second step a container whose init ignores the signal (any init
 * without a handler, being pid 1 of its namespace, such as {@code sleep}) kept berth up after
 * SIGHUP for as long as the command ran (600 s in issue 10). Other signals (USR1, USR2, WINCH) are
 * not berth's to act on and keep their JVM defaults; send them to the container with
 * {@code berth kill -s}.
 *
 * <p>A signal that berth's parent left ignored stays ignored, as for any program: under {@code nohup} a SIGHUP
 * neither reaches the container nor stops it (the JVM does not take over an ignored HUP, INT or TERM).
 *
 * <p>{@code sun.misc.Signal} (module jdk.unsupported) is the JDK's only way to handle a signal
 * without native code; it is exported for exactly this purpose. SIGQUIT is the JVM's own (thread
 * dumps) and cannot be taken over.
 */
final class ForegroundSignals implements AutoCloseable {
    /** How long the container has to exit after SIGTERM/SIGHUP; {@code berth stop}'s default. */
    static final Duration GRACE = Duration.ofSeconds(10);
    private static final String[] IGNORED = {"INT"};
    private static final String[] FORWARDED = {"TERM", "HUP"};

    private final SignalHandler[] saved = new SignalHandler[IGNORED.length + FORWARDED.length];
    private final AtomicBoolean stopping = new AtomicBoolean();
    private RunningContainer container;
    /** A TERM or HUP that came before {@link #attach}: passed on when the container is there. */
    private String pending;

    /**
     * Takes the signals over before the container is launched: a SIGHUP between the launch (the state saying
     * "running") and the handlers used to end berth with the JVM's default (status 129), the container left to run
     * on (ForegroundSignalsIT, in a fresh Debian chroot). One that comes before {@link #attach} is passed on then.
     */
    ForegroundSignals() {
        int i = 0;
        for (String s : IGNORED) {
            saved[i++] = Signal.handle(new Signal(s), sig -> { });
        }
        for (String s : FORWARDED) {
            saved[i++] = Signal.handle(new Signal(s), sig -> received(s));
        }
    }

    /** The launched container: a signal already received is passed on to it now. */
    synchronized void attach(RunningContainer launched) {
        container = launched;
        if (pending != null) {
            forward(pending);
        }
    }

    private synchronized void received(String signal) {
        if (container == null) {
            pending = signal;
        } else {
            forward(signal);
        }
    }

    private void forward(String signal) {
        try {
            // the helper passes TERM and HUP on to the container's init
            new PosixSignaller().signal(container.helper().pid(), KillSignal.parse(signal));
        } catch (IOException | RuntimeException e) {
            container.helper().destroy();
        }
        if (stopping.compareAndSet(false, true)) {
            container.killAfter(GRACE);
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
