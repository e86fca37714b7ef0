package dev.berth.cgroupctl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A kernel file (cgroupfs, procfs, sysfs) read whole, from offset 0, with {@code pread}
 * ({@link FileChannel#read(ByteBuffer, long)}), optionally kept open between reads.
 *
 * <p>Why keep it open: kernfs and procfs generate a file's content on every read at offset 0, so re-reading an open
 * file gives fresh values and saves the {@code open}/{@code close} pair, which cost more than the read itself
 * (profiled: 20 % of a refresh in {@code open0}, 6 % in {@code close0}). A kept-open cgroup file whose cgroup is
 * removed answers ENODEV: the read is then retried once on a fresh open of the same path (the cgroup may have been
 * re-created under that name), whose error, {@code NoSuchFileException} when it is gone, is what the caller sees.
 *
 * <p>Kernel files are small. A file larger than the cap is refused, not read (a 300 MB file in place of
 * {@code meminfo} must not exhaust the heap), and only regular files are opened: a FIFO in place of {@code stat}
 * would block {@code open(2)} forever (Java has no {@code O_NONBLOCK} open), and kernfs, procfs and sysfs files are
 * all regular. Both errors name the file.
 *
 * <p>A file on a cgroup filesystem (kernfs, which has no FIFOs or devices) can be opened without that check, one
 * {@code stat} fewer per open: {@link #KernelFile(Path, int, boolean, boolean)}.
 *
 * <p>A re-read of a kept-open file goes through a direct buffer of this file's own, copied into {@link #bytes()}: a
 * heap buffer makes the JDK borrow a per-thread direct buffer and copy through it on every read (profiled: 7 % of
 * the sampler thread at 500 cgroups).
 *
 * <p>A read shorter than the buffer is taken as the end of the file: kernfs attributes and {@code seq_file}s
 * (procfs) fill the whole buffer when they have more, and so do regular files, so the common read is one syscall.
 *
 * <p>Not thread-safe: one reader at a time. The content of the last read stays valid until the next read.
 */
public final class KernelFile implements AutoCloseable {
    /** The default size cap: 1 MiB, far above any cgroup or host statistics file (a few KiB). */
    public static final int DEFAULT_CAP = 1 << 20;

    private final Path path;
    private final int cap;
    private final boolean keepOpen;
    private final boolean knownRegular;
    private FileChannel channel;
    /** For re-reads of the kept-open file (see the class comment); made at the first, sized as {@link #buf}. */
    private ByteBuffer direct;
    private byte[] buf;
    private ByteBuffer wrapped;
    private int length;

    /**
     * @param path     the file
     * @param cap      the largest size accepted, bytes
     * @param keepOpen keep the file open between reads (costs one file descriptor until {@link #close()})
     */
    public KernelFile(Path path, int cap, boolean keepOpen) {
        this(path, cap, keepOpen, false);
    }

    /**
     * @param path         the file
     * @param cap          the largest size accepted, bytes
     * @param keepOpen     keep the file open between reads (costs one file descriptor until {@link #close()})
     * @param knownRegular the file is on a filesystem that has only regular files and directories (a cgroup
     *                     hierarchy): opened without checking its type first
     */
    public KernelFile(Path path, int cap, boolean keepOpen, boolean knownRegular) {
        this.path = path;
        this.cap = cap;
        this.keepOpen = keepOpen;
        this.knownRegular = knownRegular;
        this.buf = new byte[128];
        this.wrapped = ByteBuffer.wrap(buf);
    }

    /** @return the file */
    public Path path() {
        return path;
    }

    /**
     * Reads the whole file.
     *
     * @return the number of bytes read; the bytes are {@link #bytes()}{@code [0, n)}
     * @throws IOException as the open or read answers (the JDK's types: {@code NoSuchFileException}, ...), or
     *                     with a message naming the file when it is not a regular file or exceeds the cap
     */
    public int read() throws IOException {
        if (channel != null) {
            try {
                return reread(channel);
            } catch (IOException e) {
                // ENODEV from a removed cgroup, or anything else: the next attempt is on a fresh open.
                closeChannel();
            }
        }
        FileChannel ch = open(path, knownRegular);
        try {
            int n = readFrom(ch);
            if (keepOpen) {
                channel = ch;
                ch = null;
            }
            return n;
        } finally {
            if (ch != null) {
                ch.close();
            }
        }
    }

    /**
     * Reads a kernel file once (open, read, close) with the default cap, regular files only.
     *
     * @param path the file
     * @return its content, UTF-8 decoded (invalid bytes replaced)
     * @throws IOException as {@link #read()}
     */
    public static String readString(Path path) throws IOException {
        return new KernelFile(path, DEFAULT_CAP, false).readString();
    }

    /**
     * Opens the file now, if it is to be kept open and is not yet, so that a following {@link #read()} is only the
     * read: a caller that timestamps its reads takes the time between the two.
     *
     * @throws IOException as {@link #read()}
     */
    public void open() throws IOException {
        if (keepOpen && channel == null) {
            channel = open(path, knownRegular);
        }
    }

    /** Reads the whole file and decodes it as UTF-8 (invalid bytes replaced). @throws IOException as {@link #read()} */
    public String readString() throws IOException {
        int n = read();
        return new String(buf, 0, n, StandardCharsets.UTF_8);
    }

    /** The buffer holding the last read's content at {@code [0, length())}; shared, overwritten by the next read. */
    public byte[] bytes() {
        return buf;
    }

    /** @return the length of the last read's content */
    public int length() {
        return length;
    }

    /** @return true while a file descriptor is held */
    public boolean isOpen() {
        return channel != null;
    }

    /** A re-read of the kept-open file through {@link #direct}; the general loop when it fills the buffer. */
    private int reread(FileChannel ch) throws IOException {
        if (direct == null || direct.capacity() != buf.length) {
            direct = ByteBuffer.allocateDirect(buf.length);
        }
        direct.clear();
        int r = Math.max(0, ch.read(direct, 0));
        if (r < buf.length) {
            direct.get(0, buf, 0, r);
            length = r;
            return r;
        }
        return readFrom(ch);   // the file grew past the buffer: read it again, growing the buffer
    }

    private int readFrom(FileChannel ch) throws IOException {
        int n = 0;
        while (true) {
            wrapped.clear().position(n);
            int r = ch.read(wrapped, n);
            if (r <= 0) {
                break;
            }
            n += r;
            if (n < buf.length) {
                break;   // short read: the end (see the class comment)
            }
            if (buf.length >= cap) {
                throw new FileSystemException(path.toString(), null,
                        "larger than " + cap + " bytes, not a kernel statistics file");
            }
            byte[] bigger = new byte[Math.min(cap, buf.length * 2)];
            System.arraycopy(buf, 0, bigger, 0, n);
            buf = bigger;
            wrapped = ByteBuffer.wrap(buf);
        }
        length = n;
        return n;
    }

    /**
     * Opens a file for reading after checking that it is a regular file, so that a FIFO or device in its place
     * cannot block the open.
     *
     * @throws IOException if it cannot be opened or is not a regular file
     */
    private static FileChannel open(Path path, boolean knownRegular) throws IOException {
        if (knownRegular) {
            return FileChannel.open(path, StandardOpenOption.READ);
        }
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
        if (!a.isRegularFile()) {
            throw new FileSystemException(path.toString(), null, "not a regular file ("
                    + (a.isDirectory() ? "a directory" : a.isOther() ? "a FIFO, socket or device" : "a link")
                    + "), not a kernel statistics file");
        }
        return FileChannel.open(path, StandardOpenOption.READ);
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // closing a read-only descriptor cannot lose data
            }
            channel = null;
        }
    }

    /** Releases the file descriptor, if held. The next {@link #read()} opens the file again. */
    @Override
    public void close() {
        closeChannel();
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
