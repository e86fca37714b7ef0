package dev.berth.runtime.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.runtime.ContainerName;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongPredicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * berth's container state on disk. It outlives the console: a detached container keeps running
 * and the next {@code berth} finds it here.
 *
 * <h2>Format</h2>
 * <pre>
 * &lt;dir&gt;/                      mode 0711, default /run/berth
 *   &lt;name&gt;/                   mode 0700, one per container; its existence reserves the name
 *     state.json             one {@link ContainerRecord}, pretty-printed JSON (Jackson), mode 0600
 *     output.log             a detached container's stdout and stderr
 *     lock                   empty; flock(2)ed around read-modify-write ({@link #update})
 *     exit-status            reserved as "   \n" by a detached container's monitor when it starts, and
 *                            overwritten in place when its init exits: "137\n", "  0\n" (no new
 *                            block is needed then, so a full filesystem cannot lose the status)
 *   .tmp-&lt;pid&gt;-&lt;uuid&gt;/        a container directory being created or removed by berth process
 *                            &lt;pid&gt;, or a crash leftover (removed at the next start once &lt;pid&gt; is gone)
 * </pre>
 * Writes never leave a half-written {@code state.json}: the new content goes to a temporary file in
 * the same directory, is fsync'ed, and is renamed over the old one (rename(2) is atomic within a
 * filesystem), so a reader sees the old record or the new one. A container directory is created
 * the same way, complete with its {@code state.json}, by renaming a temporary directory; rename(2)
 * refuses a non-empty target, which makes the name reservation atomic even between two berth
 * processes. A {@code state.json} that cannot be parsed (disk full on an older berth, hand edits)
 * is reported as a {@link CorruptStateException} for that one container; listing the rest still
 * works and {@link #delete} still removes it.
 *
 * <p>Thread-safety: instances are stateless apart from their directory and may be shared; two
 * processes updating the same container serialise on its lock file.
 */
public final class StateStore {
    /** Name of the record file inside a container's directory. */
    public static final String STATE_FILE = "state.json";
    /** Name of the log file inside a container's directory. */
    public static final String LOG_FILE = "output.log";
    /**
     * Name of the file in which a detached container's monitor (the helper that waited for its
     * init) writes the exit status, one decimal line (128+N when killed by signal N).
     */
    public static final String EXIT_STATUS_FILE = "exit-status";
    private static final String LOCK_FILE = "lock";
    private static final String TMP_PREFIX = ".tmp-";
    /** This process's pid, in the names of the temporaries it makes, so that a later berth knows whose they are. */
    private static final long OWNER = ProcessHandle.current().pid();
    private static final Pattern OWNED_TMP = Pattern.compile("\\.tmp-(\\d{1,10})-.*");
    /** A record is about 1 kB; a state file much larger than that was not written by berth. */
    static final long MAX_STATE_BYTES = 1 << 20;

    private final Path dir;
    private final ObjectMapper json = StateJson.mapper();

    /** @param dir the state directory; created (with parents) on first write */
    public StateStore(Path dir) {
        this.dir = dir;
    }

    /** The state directory. */
    public Path dir() {
        return dir;
    }

    /** {@code <dir>/<name>}. */
    public Path containerDir(ContainerName name) {
        return dir.resolve(name.value());
    }

    /** {@code <dir>/<name>/output.log}, where a detached container's output goes. */
    public Path logPath(ContainerName name) {
        return containerDir(name).resolve(LOG_FILE);
    }

    /**
     * Writes the first record of a new container, reserving its name.
     *
     * @throws NameInUseException if a container of that name exists (in any state)
     */
    public void create(ContainerRecord record) throws IOException, NameInUseException {
        ensureDir();
        Path target = containerDir(record.name());
        if (Files.exists(target)) {
            throw new NameInUseException(record.name());
        }
        Path tmp = dir.resolve(TMP_PREFIX + OWNER + "-" + UUID.randomUUID());
        Files.createDirectory(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try {
            writeAtomically(tmp.resolve(STATE_FILE), serialize(record));
            Files.createFile(tmp.resolve(LOCK_FILE));
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (DirectoryNotEmptyException | FileAlreadyExistsException e) {
                throw new NameInUseException(record.name());
            } catch (FileSystemException e) {
                // rename(2) over a non-empty directory is ENOTEMPTY or EEXIST; the JDK maps them unevenly
                if (Files.exists(target.resolve(STATE_FILE))) {
                    throw new NameInUseException(record.name());
                }
                throw e;
            }
            fsyncDir(dir);
        } finally {
            deleteTree(tmp);
        }
    }

    /** Replaces the record of an existing container atomically. */
    public void save(ContainerRecord record) throws IOException {
        Path cdir = containerDir(record.name());
        if (!Files.isDirectory(cdir)) {
            throw new NoSuchFileException(cdir.toString(), null, "no state directory for container " + record.name());
        }
        writeAtomically(cdir.resolve(STATE_FILE), serialize(record));
    }

    /**
     * Reads, changes and writes a container's record while holding its lock, so that two berth
     * processes (a monitor recording an exit, a {@code stop}) cannot lose each other's change.
     *
     * @return the record written, or empty if there is no such container
     */
    @SuppressWarnings("try") // the lock is held, not used, for the duration of the body
    public Optional<ContainerRecord> update(ContainerName name, UnaryOperator<ContainerRecord> change)
            throws IOException, CorruptStateException {
        Path cdir = containerDir(name);
        if (!Files.isDirectory(cdir)) {
            return Optional.empty();
        }
        try (FileChannel ch = FileChannel.open(cdir.resolve(LOCK_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = ch.lock()) {
            Optional<ContainerRecord> current = load(name);
            if (current.isEmpty()) {
                return Optional.empty();
            }
            ContainerRecord next = change.apply(current.get());
            if (!next.name().equals(name)) {
                throw new IllegalArgumentException("update must not rename " + name + " to " + next.name());
            }
            if (!next.equals(current.get())) {
                writeAtomically(cdir.resolve(STATE_FILE), serialize(next));
            }
            return Optional.of(next);
        } catch (NoSuchFileException e) {
            return Optional.empty(); // removed by a concurrent rm
        }
    }

    /**
     * The record of {@code name}, or empty if no such container exists.
     *
     * @throws CorruptStateException if its state file exists but cannot be parsed
     */
    public Optional<ContainerRecord> load(ContainerName name) throws IOException, CorruptStateException {
        Path file = containerDir(name).resolve(STATE_FILE);
        byte[] content;
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isRegularFile()) {
                // a directory (issue 10 defect 11: every command said only "Is a directory"), a symlink to
                // another container's state, a FIFO that would block the read: all tampering, none readable
                throw new CorruptStateException(name, file, "state file is " + kind(a) + ", not a regular file",
                        null);
            }
            if (a.size() > MAX_STATE_BYTES) {
                throw new CorruptStateException(name, file, "state file is " + a.size() + " bytes, more than the "
                        + MAX_STATE_BYTES + " a record can take", null);
            }
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            if (Files.isDirectory(containerDir(name))) {
                throw new CorruptStateException(name, file, "state file is missing", e);
            }
            return Optional.empty();
        }
        ContainerRecord record = parse(name, file, content);
        if (!record.name().equals(name)) {
            throw new CorruptStateException(name, file, "it names another container, " + record.name(), null);
        }
        return Optional.of(record);
    }

    /**
     * Every container in the store, sorted by name; containers whose state cannot be read are
     * listed separately instead of failing the whole listing.
     */
    public Listing list() throws IOException {
        List<ContainerRecord> records = new ArrayList<>();
        List<CorruptStateException> corrupt = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return new Listing(List.of(), List.of());
        }
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = s.filter(Files::isDirectory).sorted().toList();
        }
        for (Path entry : entries) {
            String fileName = entry.getFileName().toString();
            if (!ContainerName.isValid(fileName)) {
                continue; // .tmp-* directories and anything that is not ours
            }
            ContainerName name = ContainerName.of(fileName);
            try {
                load(name).ifPresent(records::add);
            } catch (CorruptStateException e) {
                corrupt.add(e);
            }
        }
        return new Listing(List.copyOf(records), List.copyOf(corrupt));
    }

    /**
     * The exit status a detached container's monitor left in {@value #EXIT_STATUS_FILE}, or empty
     * if there is none (yet) or it is not a number.
     */
    public Optional<Integer> readExitStatus(ContainerName name) {
        try {
            String text = Files.readString(containerDir(name).resolve(EXIT_STATUS_FILE)).strip();
            return text.matches("\\d{1,3}") ? Optional.of(Integer.parseInt(text)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The result of {@link #list}: readable records, and the containers whose state is corrupt. */
    public record Listing(List<ContainerRecord> records, List<CorruptStateException> corrupt) {
    }

    /**
     * Removes a container's directory (state, log, lock) whatever its content, corrupt or not.
     *
     * @return whether there was anything to remove
     */
    public boolean delete(ContainerName name) throws IOException {
        Path cdir = containerDir(name);
        if (!Files.exists(cdir)) {
            return false;
        }
        // rename first, so that a concurrent reader sees the container either whole or gone
        Path doomed = dir.resolve(TMP_PREFIX + OWNER + "-rm-" + UUID.randomUUID());
        try {
            Files.move(cdir, doomed, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            return false;
        } catch (AtomicMoveNotSupportedException e) {
            doomed = cdir;
        }
        deleteTree(doomed);
        return true;
    }

    /**
     * Removes {@code .tmp-*} directories left by creations and removals that a crash interrupted:
     * those named {@code .tmp-<pid>-...} whose berth process is gone (a berth SIGKILLed in the
     * middle of {@code run -d}: issue 10 defect 3), and any older than {@code minAgeMillis} (an older
     * berth's {@code .tmp-<uuid>}). Younger ones of a live pid may belong to a berth running now.
     *
     * @param isAlive whether the berth process of a pid is still running
     */
    public int removeStaleTemporaries(long nowMillis, long minAgeMillis, LongPredicate isAlive) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int removed = 0;
        List<Path> tmps;
        try (Stream<Path> s = Files.list(dir)) {
            tmps = s.filter(p -> p.getFileName().toString().startsWith(TMP_PREFIX)).toList();
        }
        for (Path tmp : tmps) {
            try {
                Matcher m = OWNED_TMP.matcher(tmp.getFileName().toString());
                boolean ownerGone = m.matches() && !isAlive.test(Long.parseLong(m.group(1)));
                if (ownerGone || nowMillis - Files.getLastModifiedTime(tmp).toMillis() >= minAgeMillis) {
                    deleteTree(tmp);
                    removed++;
                }
            } catch (NoSuchFileException e) {
                // removed concurrently
            }
        }
        return removed;
    }

    private static String kind(BasicFileAttributes a) {
        if (a.isDirectory()) {
            return "a directory";
        }
        if (a.isSymbolicLink()) {
            return "a symbolic link";
        }
        return "a special file";
    }

    /**
     * Parses one {@code state.json}: a record, or {@link CorruptStateException} naming {@code file},
     * and nothing else, whatever the bytes. Package-private for the fuzz tests.
     */
    ContainerRecord parse(ContainerName name, Path file, byte[] content) throws CorruptStateException {
        try {
            ContainerRecord r = json.readValue(content, ContainerRecord.class);
            if (r == null) {
                throw new CorruptStateException(name, file, "state file is empty", null);
            }
            return r;
        } catch (JsonProcessingException e) {
            throw new CorruptStateException(name, file, firstLine(e.getOriginalMessage()), e);
        } catch (IOException | RuntimeException e) {
            // the record's constructor rejects missing or invalid fields
            throw new CorruptStateException(name, file, firstLine(String.valueOf(e.getMessage())), e);
        }
    }

    private byte[] serialize(ContainerRecord record) throws JsonProcessingException {
        return json.writeValueAsBytes(record);
    }

    private void ensureDir() throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            try {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX filesystem; permissions are the filesystem's business then
            }
        }
    }

    /** Temp file in the same directory, fsync, rename over the target, fsync the directory. */
    private static void writeAtomically(Path target, byte[] content) throws IOException {
        Path tmp = target.resolveSibling(TMP_PREFIX + target.getFileName() + "-" + UUID.randomUUID());
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            fsyncDir(target.getParent());
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Makes a rename durable; on filesystems that refuse to open a directory for sync, skips it. */
    private static void fsyncDir(Path directory) {
        try (FileChannel ch = FileChannel.open(directory, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // /run is tmpfs: nothing to make durable; other filesystems may refuse O_RDONLY fsync
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        List<Path> all;
        try (Stream<Path> s = Files.walk(root)) {
            all = s.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : all) {
            Files.deleteIfExists(p);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
