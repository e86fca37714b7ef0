package dev.berth.collectors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;

/**
 * A file through which one berth process tells every other one that it has just changed a cgroup's limits: the
 * writer ({@code berth set}, the console's limits dialog, the shell) rewrites it after each change; a sampler
 * ({@link Collector#watchLimitChanges}) looks at its modification time and size once per tick and, when they
 * moved, reads every container's limits again at that tick instead of up to one slow-cadence period later. So a
 * limit changed from any front end shows at once in a running console, exporter or recorder, for the price of one
 * {@code stat} per tick.
 *
 * <p>The file holds the cgroup path of the last change, for whoever looks at it by hand; readers use only its
 * attributes (modification time and inode). It lives in berth's state directory ({@code .limits-changed}: a dot name, never a container's).
 */
public final class LimitChangeMarker {
    /** The marker's name in the state directory. */
    public static final String FILE_NAME = ".limits-changed";

    private final Path file;
    /** The same file, for an existence check that does not throw (an exception per tick cost more than the stat). */
    private final java.io.File plain;
    private FileTime seenModified;
    private Object seenKey;
    private boolean looked;

    /** @param file the marker file (need not exist yet) */
    public LimitChangeMarker(Path file) {
        this.file = Objects.requireNonNull(file);
        this.plain = file.toFile();
    }

    /** The marker in berth's state directory {@code stateDir}. */
    public static LimitChangeMarker in(Path stateDir) {
        return new LimitChangeMarker(stateDir.resolve(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    /**
     * Says that the limits of {@code cgroup} were just changed (or a change was tried and rolled back).
     *
     * @throws IOException when the marker cannot be written (no state directory and no right to create it, a full
     *                     disk): the caller's change stands; other processes see it one slow-cadence period later
     */
    public void signal(String cgroup) throws IOException {
        Files.createDirectories(file.getParent());
        // A new file renamed over the old one: a new inode every time, so that two changes within one tick of the
        // file system's clock still differ to a reader that looked in between
        Path tmp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
        try {
            Files.writeString(tmp, cgroup + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Whether the marker moved since the last look. The first look only remembers where it is (the caller read
     * every limit when it opened its cgroups), and a marker that is absent, or that cannot be looked at, has not
     * moved.
     */
    public boolean changedSinceLastLook() {
        FileTime modified;
        Object key;
        // Absent on most hosts (no limit ever changed through berth): checked first by a stat that does not throw.
        if (!plain.exists()) {
            modified = null;
            key = null;
        } else {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                modified = a.lastModifiedTime();
                key = a.fileKey();
            } catch (NoSuchFileException e) {
                modified = null; // removed since the check
                key = null;
            } catch (IOException e) {
                return false;
            }
        }
        boolean changed = looked && (!Objects.equals(modified, seenModified) || !Objects.equals(key, seenKey));
        looked = true;
        seenModified = modified;
        seenKey = key;
        return changed;
    }
}
