package dev.berth.history.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

/**
 * The one-writer-per-store lock: an {@code flock} on {@code <store>/LOCK}, which holds the holder's pid in
 * decimal. The kernel releases the lock when the holder dies, however it dies, so a stale file never blocks a new
 * recorder. Held until {@link #close()}.
 */
public final class StoreLock implements Closeable {
    static final String FILE = "LOCK";
    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Another process holds the store. */
    public static final class HeldException extends StoreException {
        private static final long serialVersionUID = 1L;
        private final OptionalLong pid;

        HeldException(Path dir, OptionalLong pid) {
            super(dir, "already recorded into by another berth record"
                    + (pid.isPresent() ? " (pid " + pid.getAsLong() + ")" : ""));
            this.pid = pid;
        }

        /** The holder's pid, when the lock file says it. */
        public OptionalLong pid() {
            return pid;
        }
    }

    /**
     * Takes the lock of the store in {@code dir} and writes this process's pid into it.
     *
     * @throws HeldException when another process holds it
     * @throws IOException   when the lock file cannot be created
     */
    public static StoreLock acquire(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            // This very process holds it (flock is per open file; the JVM refuses a second lock on the same file).
            ch.close();
            throw new HeldException(dir, OptionalLong.of(ProcessHandle.current().pid()));
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        if (l == null) {
            OptionalLong pid = readPid(ch);
            ch.close();
            throw new HeldException(dir, pid);
        }
        ch.truncate(0);
        ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        ch.force(false);
        return new StoreLock(ch, l);
    }

    private static OptionalLong readPid(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(32);
        ch.read(b, 0);
        String s = new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII).strip();
        try {
            return OptionalLong.of(Long.parseLong(s));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
