package dev.berth.runtime.control;

import dev.berth.runtime.ContainerName;
import dev.berth.runtime.ContainerNotFoundException;
import dev.berth.runtime.state.ContainerRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * {@code berth logs}: copies a detached container's {@code output.log}, and with {@code follow}
 * keeps copying what is appended until the container has exited and everything it wrote was
 * copied (like {@code docker logs -f}). Polling rather than inotify: one stat per
 * {@link #POLL} is nothing, and inotify is not available on every filesystem the state dir may be on.
 */
public final class LogReader {
    /** How often a followed log is checked for new output. */
    public static final Duration POLL = Duration.ofMillis(100);

    private final Lifecycle lifecycle;

    public LogReader(Lifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    /**
     * Copies the log to {@code out}.
     *
     * @throws ContainerNotFoundException if berth has no container of that name
     * @throws ControlException if the container has no log (it was started in the foreground)
     */
    public void copy(ContainerName name, OutputStream out, boolean follow) throws ContainerNotFoundException,
            ControlException, IOException {
        ContainerRecord r = lifecycle.get(name);
        FileChannel ch;
        try {
            ch = FileChannel.open(r.logPath(), StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            if (!r.spec().detached()) {
                throw new ControlException("container " + name + " has no log: it was started in the foreground, "
                        + "its output went to the terminal (start it with -d to keep a log)");
            }
            if (!follow) {
                return; // detached, but has written nothing yet
            }
            ch = waitForLog(r, name);
            if (ch == null) {
                return;
            }
        }
        try (FileChannel log = ch) {
            ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
            while (true) {
                int n = log.read(buf);
                if (n > 0) {
                    out.write(buf.array(), 0, n);
                    buf.clear();
                    continue;
                }
                out.flush();
                // read the state before the final read, so that output written just before the exit is not lost
                if (!follow || !lifecycle.get(name).isActive()) {
                    drain(log, buf, out);
                    return;
                }
                sleep();
            }
        }
    }

    private FileChannel waitForLog(ContainerRecord r, ContainerName name) throws IOException,
            ContainerNotFoundException, ControlException {
        while (lifecycle.get(name).isActive()) {
            if (Files.exists(r.logPath())) {
                return FileChannel.open(r.logPath(), StandardOpenOption.READ);
            }
            sleep();
        }
        return Files.exists(r.logPath()) ? FileChannel.open(r.logPath(), StandardOpenOption.READ) : null;
    }

    private static void drain(FileChannel log, ByteBuffer buf, OutputStream out) throws IOException {
        int n;
        while ((n = log.read(buf)) > 0) {
            out.write(buf.array(), 0, n);
            buf.clear();
        }
        out.flush();
    }

    private static void sleep() throws IOException {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while following the log", e);
        }
    }
}
