package dev.berth.tui.terminal;

import java.io.FileDescriptor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Optional;

/**
 * Waits for input on standard input with {@code poll(2)} through the JDK's own binding ({@code sun.nio.ch.Net.poll},
 * in the NIO library the JVM has already loaded to read kernel files): what {@link PollInputWait} does, without
 * binding libc through jnr-ffi, which cost 145-165 ms of CPU once (75 ms without its ASM stubs; measured on the
 * 2-vCPU VM), more than the idle console spends in ten seconds. It needs {@code java.base/sun.nio.ch} opened:
 * berth.jar's manifest says {@code Add-Opens: java.base/sun.nio.ch}, which {@code java -jar} honours whatever JVM
 * options are given (and which keeps the CDS archive's full module graph, unlike {@code --add-opens}); on a class
 * path without it, or on a JDK whose internals differ, {@link #stdin()} is empty and the caller falls back to
 * {@link PollInputWait}.
 */
public final class NioPollInputWait implements InputWait {
    private final Method poll;
    private final short pollin;
    private final FileDescriptor fd;

    private NioPollInputWait(Method poll, short pollin, FileDescriptor fd) {
        this.poll = poll;
        this.pollin = pollin;
        this.fd = fd;
    }

    /** A wait on file descriptor 0, or empty when the JDK's binding cannot be reached. */
    public static Optional<InputWait> stdin() {
        return on(FileDescriptor.in);
    }

    /** A wait on {@code fd}, or empty when the JDK's binding cannot be reached. */
    static Optional<InputWait> on(FileDescriptor fd) {
        try {
            Class<?> net = Class.forName("sun.nio.ch.Net");
            Method poll = net.getDeclaredMethod("poll", FileDescriptor.class, int.class, long.class);
            poll.setAccessible(true);
            Field in = net.getDeclaredField("POLLIN");
            in.setAccessible(true);
            return Optional.of(new NioPollInputWait(poll, in.getShort(null), fd));
        } catch (ReflectiveOperationException | RuntimeException e) {
            // InaccessibleObjectException when not opened; NoSuch* on another JDK
            return Optional.empty();
        }
    }

    @Override
    public boolean await(Duration max) throws InterruptedException {
        int revents;
        try {
            // returns the events seen, 0 on a timeout or a signal (EINTR)
            revents = (Integer) poll.invoke(null, fd, (int) pollin, max.toMillis());
        } catch (InvocationTargetException e) {
            // an IOException from poll(2) (EBADF, ENOMEM): wait as a sleep would (at most 0.5 s, not the long
            // wait that poll(2) ends on input), and let the read say
            Thread.sleep(Math.min(max.toMillis(), 500));
            revents = 0;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("sun.nio.ch.Net.poll was opened in stdin()", e);
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        // POLLHUP/POLLERR: input "waiting" too; the read says what it is
        return revents != 0;
    }
}
