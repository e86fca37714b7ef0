package dev.berth.runtime.launch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Where the C helper ({@code runtime/src/main/c/berth-helper.c}) is, or why it is not there.
 *
 * <p>The Maven build compiles the helper next to this class when a C compiler exists, so it travels
 * inside the runtime jar. A jar entry cannot be executed, so the first use copies it to
 * {@code <cache dir>/berth-helper-<sha256 prefix>} (mode 0700, written to a temp name and renamed,
 * so concurrent starts never run a half-written file); a class directory (tests, IDE) is used as is.
 * Probed once per {@link #locate} call and passed on, never cached in a static (netty's
 * {@code Epoll.unavailabilityCause()} idea).
 */
public final class HelperBinary {
    static final String RESOURCE = "berth-helper";

    private final Path path;
    private final String unavailableReason;

    private HelperBinary(Path path, String unavailableReason) {
        this.path = path;
        this.unavailableReason = unavailableReason;
    }

    /**
     * Finds the helper on the classpath, extracting it into {@code cacheDir} when it lives in a jar.
     * Never throws: a missing or unusable helper becomes {@link #unavailableReason()}.
     */
    public static HelperBinary locate(Path cacheDir) {
        URL url = HelperBinary.class.getResource(RESOURCE);
        if (url == null) {
            return new HelperBinary(null, "this berth was built without its C helper (berth-helper): no C "
                    + "compiler was found at build time; install gcc and libc6-dev, then rebuild with "
                    + "./mvnw -DskipTests package");
        }
        try {
            if ("file".equals(url.getProtocol())) {
                Path p = Path.of(url.toURI());
                if (!Files.isExecutable(p)) {
                    return new HelperBinary(null, "the C helper " + p + " is not executable");
                }
                return new HelperBinary(p, null);
            }
            return new HelperBinary(extract(url, cacheDir), null);
        } catch (java.nio.file.AccessDeniedException e) {
            // a user other than root: the state dir is root's (issue 10 defect 9: this said only a path)
            return new HelperBinary(null, "permission denied writing the C helper to " + cacheDir
                    + " (run berth as root to start or enter containers: namespaces, mounts and cgroups need it)");
        } catch (IOException | URISyntaxException e) {
            String why = e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                    : e.getMessage();
            return new HelperBinary(null, "cannot prepare the C helper in " + cacheDir + ": " + why);
        }
    }

    /** A helper at a known path (tests, benchmarks). */
    public static HelperBinary at(Path path) {
        return Files.isExecutable(path) ? new HelperBinary(path, null)
                : new HelperBinary(null, "the C helper " + path + " is not executable");
    }

    /** The executable, when available. */
    public Optional<Path> path() {
        return Optional.ofNullable(path);
    }

    /** Why the helper cannot be used; empty when it can. */
    public Optional<String> unavailableReason() {
        return Optional.ofNullable(unavailableReason);
    }

    /** The executable, or a {@link LaunchException} carrying the reason it is missing. */
    public Path require() throws LaunchException {
        if (path == null) {
            throw new LaunchException(unavailableReason);
        }
        return path;
    }

    /**
     * Deletes helpers extracted by other builds of berth. A detached container's monitor may still
     * be running one of them; unlinking a running executable is harmless on Linux.
     */
    private static void removeOlderVersions(Path cacheDir, Path keep) throws IOException {
        try (var s = Files.list(cacheDir)) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (n.startsWith(RESOURCE + "-") && !n.endsWith(".tmp") && !p.equals(keep)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static Path extract(URL url, Path cacheDir) throws IOException {
        byte[] bytes;
        try (InputStream in = url.openStream()) {
            bytes = in.readAllBytes();
        }
        String digest;
        try {
            digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
        Files.createDirectories(cacheDir);
        Path target = cacheDir.resolve(RESOURCE + "-" + digest);
        if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) && Files.isExecutable(target)) {
            removeOlderVersions(cacheDir, target);
            return target; // same content: the name carries the hash
        }
        Path tmp = Files.createTempFile(cacheDir, RESOURCE, ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        removeOlderVersions(cacheDir, target);
        return target;
    }
}
