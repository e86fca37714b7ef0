package dev.berth.cgroupctl.kernfs;

import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.CgroupGoneException;
import dev.berth.cgroupctl.CgroupReadException;
import dev.berth.cgroupctl.CgroupWriteException;
import dev.berth.cgroupctl.ControllerUnavailableException;
import dev.berth.cgroupctl.KernelFile;
import dev.berth.cgroupctl.MalformedCgroupFileException;
import dev.berth.cgroupctl.format.ListFormat;
import dev.berth.cgroupctl.format.MalformedContentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One cgroup directory in one hierarchy, with strict reads and explained writes. The only place that turns I/O
 * errors on cgroup files into {@link CgroupException}s, so every controller maps them the same way.
 *
 * <p>Every read goes through a {@link KernelFile} (size cap, regular files only). A directory made with a
 * {@link FileBudget} keeps the files it reads with {@link #readBytes} open (while the budget lasts) and remembers
 * which files it has, until {@link #close()}: that is the sampler's per-tick path; {@link #read} and
 * {@link #readString} (limits, one-shot readers) open, read and close. Such a directory is not thread-safe; one made without a
 * budget holds only its path and is.
 */
public final class CgroupDir implements AutoCloseable {
    private final Path dir;
    private final FileBudget budget;
    private final boolean onCgroupFs;
    private Map<String, KernelFile> files;
    private Map<String, Boolean> hasFile;

    /** @param dir the directory, e.g. {@code /sys/fs/cgroup/memory/docker/abc} */
    public CgroupDir(Path dir) {
        this(dir, null);
    }

    /**
     * @param dir    the directory
     * @param budget descriptors this directory may keep open; null to open, read and close on every read
     */
    public CgroupDir(Path dir, FileBudget budget) {
        this(dir, budget, false);
    }

    /**
     * @param dir        the directory
     * @param budget     descriptors this directory may keep open; null to open, read and close on every read
     * @param onCgroupFs the directory is on a mounted cgroup filesystem (kernfs: regular files only), so that its
     *                   files are opened without checking their type ({@link KernelFile})
     */
    public CgroupDir(Path dir, FileBudget budget, boolean onCgroupFs) {
        this.dir = dir;
        this.budget = budget;
        this.onCgroupFs = onCgroupFs;
    }

    /** @return the directory */
    public Path path() {
        return dir;
    }

    /** @return true if the directory exists */
    public boolean exists() {
        return Files.isDirectory(dir);
    }

    /**
     * The older of the modification times of this directory and of {@code marker} in it (a file the kernel does
     * not rewrite; ignored when missing): kernfs keeps no birth time, so this is the closest it shows to when the
     * cgroup was made. The directory's own time moves forward whenever a child is made below it.
     *
     * @param marker a file name, e.g. {@code cgroup.events}
     * @return the older time
     * @throws CgroupException {@link CgroupGoneException} when the directory is gone, {@link CgroupReadException}
     *                         when it cannot be looked at
     */
    public Instant readModifiedSince(String marker) throws CgroupException {
        Instant oldest;
        try {
            oldest = Files.getLastModifiedTime(dir).toInstant();
        } catch (NoSuchFileException e) {
            throw new CgroupGoneException(dir, e);
        } catch (IOException e) {
            throw new CgroupReadException(dir, e);
        }
        try {
            Instant m = Files.getLastModifiedTime(dir.resolve(marker)).toInstant();
            return m.isBefore(oldest) ? m : oldest;
        } catch (IOException e) {
            return oldest;   // no marker file in this hierarchy (or gone meanwhile): the directory's time alone
        }
    }

    /**
     * @param file a file name, e.g. {@code memory.max}
     * @return true if the file exists (the controller is there)
     */
    public boolean has(String file) {
        if (budget == null) {
            return Files.exists(dir.resolve(file));
        }
        if (hasFile == null) {
            hasFile = new HashMap<>();
        }
        return hasFile.computeIfAbsent(file, f -> Files.exists(dir.resolve(f)));
    }

    /** The kept-open file for {@code file}, or a one-shot reader when this directory keeps nothing open. */
    private KernelFile file(String file) {
        if (budget == null) {
            return new KernelFile(dir.resolve(file), KernelFile.DEFAULT_CAP, false, onCgroupFs);
        }
        if (files == null) {
            files = new HashMap<>();
        }
        KernelFile f = files.get(file);
        if (f == null) {
            f = new KernelFile(dir.resolve(file), KernelFile.DEFAULT_CAP, budget.tryAcquire(), onCgroupFs);
            files.put(file, f);
        }
        return f;
    }

    /**
     * Reads a whole file.
     *
     * @param file the file name
     * @return the content
     * @throws CgroupException {@link CgroupGoneException} if the cgroup vanished, {@link
     *                         ControllerUnavailableException} if the file is missing or not supported
     */
    public String readString(String file) throws CgroupException {
        // A String read is a one-shot read (limits, one-shot commands), never kept open: only the per-tick
        // readBytes files hold a descriptor, so that the descriptor budget goes to the files read every tick.
        KernelFile f = new KernelFile(dir.resolve(file), KernelFile.DEFAULT_CAP, false, onCgroupFs);
        try {
            // Bytes, then decode with replacement: cgroup names may hold any byte and a read must not fail on them.
            return f.readString();
        } catch (IOException e) {
            throw readError(f.path(), e);
        }
    }

    /**
     * Reads and parses a file without decoding it to a String: the parser works on the bytes in place.
     *
     * @param file   the file name
     * @param parser the format's byte parser
     * @param <T>    the parsed type
     * @return the parsed value
     * @throws CgroupException as {@link #read(String, ContentParser)}
     */
    public <T> T readBytes(String file, BytesParser<T> parser) throws CgroupException {
        return readWith(file(file), parser);
    }

    /**
     * Reads and parses a file through a descriptor opened for this read alone, even in a directory that keeps
     * files open. For v1's {@code cgroup.procs} and {@code tasks}: the kernel builds their pid list when a
     * descriptor is first read and serves every later read of that descriptor from the same list until the list
     * has been idle for a second, so a descriptor kept open and read more often goes on showing the members of its
     * first read.
     *
     * @param file   the file name
     * @param parser the format's byte parser
     * @param <T>    the parsed type
     * @return the parsed value
     * @throws CgroupException as {@link #readBytes}
     */
    public <T> T readBytesFresh(String file, BytesParser<T> parser) throws CgroupException {
        return readWith(new KernelFile(dir.resolve(file), KernelFile.DEFAULT_CAP, false, onCgroupFs), parser);
    }

    private <T> T readWith(KernelFile f, BytesParser<T> parser) throws CgroupException {
        int n;
        try {
            n = f.read();
        } catch (IOException e) {
            throw readError(f.path(), e);
        }
        try {
            return parser.parse(f.bytes(), n);
        } catch (MalformedContentException e) {
            throw new MalformedCgroupFileException(f.path(), e.line(), e.reason(), e);
        }
    }

    /** Closes the files this directory kept open and forgets which files it has. */
    @Override
    public void close() {
        if (files != null) {
            for (KernelFile f : files.values()) {
                if (f.isOpen()) {
                    f.close();
                    budget.release();
                }
            }
            files = null;
        }
        hasFile = null;
    }

    /**
     * Reads and parses a file.
     *
     * @param file   the file name
     * @param parser the format's parser
     * @param <T>    the parsed type
     * @return the parsed value
     * @throws CgroupException read errors as {@link #readString}, {@link MalformedCgroupFileException} on bad content
     */
    public <T> T read(String file, ContentParser<T> parser) throws CgroupException {
        String content = readString(file);
        try {
            return parser.parse(content);
        } catch (MalformedContentException e) {
            throw new MalformedCgroupFileException(dir.resolve(file), e.line(), e.reason(), e);
        }
    }

    /**
     * Writes a value with one {@code write(2)}, as the kernel expects, without creating the file. The open uses
     * {@code O_TRUNC} like runc's {@code WriteFile}: kernfs ignores it, and on a plain file (a fixture tree) it
     * makes the file hold exactly the value written.
     *
     * @param file  the file name
     * @param value the text, e.g. {@code "max 100000"}
     * @throws CgroupException {@link CgroupWriteException} naming file, value and the kernel's answer;
     *                         {@link CgroupGoneException} if the cgroup vanished
     */
    public void write(String file, String value) throws CgroupException {
        Path p = dir.resolve(file);
        try {
            Files.write(p, value.getBytes(StandardCharsets.UTF_8), StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (NoSuchFileException e) {
            if (!exists()) {
                throw new CgroupGoneException(p, e);
            }
            throw new ControllerUnavailableException(p, "no such file", e);
        } catch (IOException e) {
            throw new CgroupWriteException(p, value, answer(e), e);
        }
    }

    /**
     * Writes a value, first recording what the file held so that {@code journal} can restore it.
     *
     * @param file    the file name
     * @param value   the text
     * @param journal where to record the old value
     * @throws CgroupException as {@link #write(String, String)}
     */
    public void write(String file, String value, WriteJournal journal) throws CgroupException {
        if (!journal.hasKey(this, file)) {
            journal.record(this, file, readString(file).strip());
        }
        write(file, value);
    }

    /**
     * Reads {@code cgroup.procs}.
     *
     * @return the pids in file order
     * @throws CgroupException on read failure
     */
    public List<Long> readProcs() throws CgroupException {
        return read("cgroup.procs", ListFormat::parseIds);
    }

    /**
     * @param p the file that failed
     * @param e the error
     * @return the matching {@link CgroupException}
     */
    CgroupException readError(Path p, IOException e) {
        String msg = String.valueOf(e.getMessage());
        if (e instanceof NoSuchFileException) {
            if (!exists()) {
                return new CgroupGoneException(p, e);
            }
            return new ControllerUnavailableException(p, "no such file", e);
        }
        // kernfs answers ENODEV for reads of a cgroup removed after the file was opened.
        // ESRCH: a /proc/<pid> file of a process that exited after the directory was looked up.
        if (msg.contains("No such device") || msg.contains("No such process")) {
            return new CgroupGoneException(p, e);
        }
        // PSI files exist but answer EOPNOTSUPP when the kernel runs with psi=0.
        if (msg.contains("Operation not supported")) {
            return new ControllerUnavailableException(p, "not supported by this kernel", e);
        }
        // Anything else (EACCES, EIO) is neither the cgroup's absence nor a format problem.
        return new CgroupReadException(p, e);
    }

    /** The kernel's errno text as the JDK reports it, e.g. {@code Device or resource busy}. */
    static String answer(IOException e) {
        if (e instanceof java.nio.file.FileSystemException fse) {
            if (fse.getReason() != null) {
                return fse.getReason();
            }
            // Subclasses the JDK raises from errno without a reason text.
            if (e instanceof java.nio.file.DirectoryNotEmptyException) {
                return "Directory not empty";
            }
            if (e instanceof NoSuchFileException) {
                return "No such file or directory";
            }
            if (e instanceof java.nio.file.AccessDeniedException) {
                return "Permission denied";
            }
            if (e instanceof java.nio.file.FileAlreadyExistsException) {
                return "File exists";
            }
            return e.getClass().getSimpleName();
        }
        String m = e.getMessage();
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        // FileSystemException messages are "<file>: <reason>"; keep the reason only.
        int i = m.lastIndexOf(": ");
        return i >= 0 ? m.substring(i + 2) : m;
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
