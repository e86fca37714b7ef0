package dev.berth.runtime.rootfs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Turns a {@code --rootfs} argument into a directory: a directory is used as it is; a tar archive
 * (as {@code docker export} writes one, optionally compressed) is unpacked once into a shared base
 * {@code <dir>/<key>/} and reused by every later container started from the same archive.
 *
 * <p>The key is a SHA-256 over the archive's real path, size, modification time and inode, not
 * over its content: hashing a large archive on every start would cost more than the start itself,
 * and replacing an archive changes its inode or mtime. Unpacking goes to {@code .tmp-<uuid>} and is
 * renamed into place, so a base is either complete or absent, and two berths unpacking the same
 * archive at once both end up using one of the results. GNU tar does the unpacking (numeric owners,
 * permissions kept) because it already handles every tar dialect and compression that exporters write.
 */
public final class ImageStore {
    private static final String TMP_PREFIX = ".tmp-";
    /** {@code .tmp-<pid of the berth unpacking>-<uuid>}. */
    private static final java.util.regex.Pattern TMP_NAME = java.util.regex.Pattern.compile("\\.tmp-(\\d+)-[0-9a-f-]{36}");
    /**
     * Tar runs under {@code setpriv --pdeathsig KILL} where util-linux has it (2.33 and later), so that
     * tar dies with the berth that started it instead of filling {@code .tmp-*} to the archive's full
     * size after berth was killed (issue 10 defect 3).
     */
    private static final class Pdeathsig {
        static final List<String> PREFIX = pdeathsigPrefix();
    }

    private final Path dir;

    /** @param dir where unpacked bases live, e.g. {@code <state dir>/images} */
    public ImageStore(Path dir) {
        this.dir = dir;
    }

    /** What a {@code --rootfs} argument turned out to be. */
    public record Resolved(Path directory, boolean fromArchive) {
    }

    /**
     * The directory to use as the container's root (or overlay lower layer).
     *
     * @throws RootfsException if {@code rootfs} is neither a directory nor a readable archive, or
     *     unpacking fails
     */
    public Resolved resolve(Path rootfs) throws RootfsException {
        if (Files.isDirectory(rootfs)) {
            try {
                return new Resolved(rootfs.toRealPath(), false);
            } catch (IOException e) {
                throw new RootfsException("rootfs " + rootfs + ": " + e.getMessage(), e);
            }
        }
        if (!Files.isRegularFile(rootfs)) {
            throw new RootfsException("rootfs " + rootfs + ": no such directory or archive");
        }
        try {
            Path base = dir.resolve(key(rootfs));
            if (Files.isDirectory(base)) {
                return new Resolved(base, true);
            }
            Files.createDirectories(dir);
            Path tmp = dir.resolve(TMP_PREFIX + ProcessHandle.current().pid() + "-" + UUID.randomUUID());
            Files.createDirectory(tmp);
            try {
                untar(rootfs, tmp);
                try {
                    Files.move(tmp, base, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                    // another berth unpacked the same archive meanwhile: use theirs
                }
            } finally {
                deleteTree(tmp);
            }
            return new Resolved(base, true);
        } catch (IOException e) {
            throw new RootfsException("rootfs " + rootfs + ": " + e.getMessage(), e);
        }
    }

    private static String key(Path archive) throws IOException {
        Path real = archive.toRealPath();
        BasicFileAttributes a = Files.readAttributes(real, BasicFileAttributes.class);
        String id = real + "\n" + a.size() + "\n" + a.lastModifiedTime().toMillis() + "\n" + a.fileKey();
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    private static void untar(Path archive, Path into) throws IOException, RootfsException {
        List<String> cmd = new java.util.ArrayList<>(Pdeathsig.PREFIX);
        cmd.addAll(List.of("tar", "-x", "-p", "--numeric-owner", "-f", archive.toString(), "-C", into.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new RootfsException("rootfs " + archive + ": unpacking took more than 10 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RootfsException("rootfs " + archive + ": interrupted while unpacking", e);
        }
        if (p.exitValue() != 0) {
            throw new RootfsException("rootfs " + archive + ": not a tar archive berth can unpack ("
                    + out.lines().findFirst().orElse("tar exit status " + p.exitValue()) + ")");
        }
    }

    /**
     * Removes the {@code .tmp-<pid>-<uuid>} directories of unpacks whose berth is gone: a berth
     * killed while tar ran left them, possibly gigabytes large, and no command could remove them.
     * Called as berth starts (see {@code StateReconciler}). A directory whose pid is alive is left:
     * that berth may still be unpacking; so is anything not named like an unpack.
     *
     * @param isAlive whether a berth process of that pid is still running
     * @return how many were removed
     */
    public int removeAbandonedUnpacks(java.util.function.LongPredicate isAlive) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        List<Path> tmps;
        try (Stream<Path> s = Files.list(dir)) {
            tmps = s.filter(p -> TMP_NAME.matcher(p.getFileName().toString()).matches()).toList();
        }
        int removed = 0;
        for (Path tmp : tmps) {
            var m = TMP_NAME.matcher(tmp.getFileName().toString());
            if (m.matches() && !isAlive.test(Long.parseLong(m.group(1)))) {
                deleteTree(tmp);
                removed++;
            }
        }
        return removed;
    }

    private static List<String> pdeathsigPrefix() {
        for (String d : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
            Path setpriv = Path.of(d, "setpriv");
            if (Files.isExecutable(setpriv) && supportsPdeathsig(setpriv)) {
                return List.of(setpriv.toString(), "--pdeathsig", "KILL", "--");
            }
        }
        return List.of();
    }

    private static boolean supportsPdeathsig(Path setpriv) {
        try {
            Process p = new ProcessBuilder(setpriv.toString(), "--pdeathsig", "KILL", "--", "true")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Removes a directory tree without following symlinks; absent is fine. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
