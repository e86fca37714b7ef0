package dev.berth.cgroupctl.kernfs;

import dev.berth.cgroupctl.CgroupException;
import dev.berth.cgroupctl.CgroupReadException;
import dev.berth.cgroupctl.CgroupWriteException;
import dev.berth.cgroupctl.ControllerUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One mounted cgroup hierarchy (a v1 controller hierarchy or the cgroup2 one): resolves cgroup paths below its mount
 * point, never above it, and creates, lists and removes cgroup directories.
 */
public final class Hierarchy {
    private final String name;
    private final Path mountPoint;
    /** Whether the mount point is a cgroup filesystem, looked up at first use; null until then. */
    private volatile Boolean cgroupFs;

    /**
     * @param name       e.g. {@code memory}, {@code cpu,cpuacct}, {@code unified}
     * @param mountPoint where it is mounted
     */
    public Hierarchy(String name, Path mountPoint) {
        this.name = name;
        this.mountPoint = mountPoint;
    }

    /** @return the hierarchy's name */
    public String name() {
        return name;
    }

    /** @return the mount point */
    public Path mountPoint() {
        return mountPoint;
    }

    /**
     * @param cgroupPath a path from {@link CgroupPaths#normalize(String)}
     * @return the directory of that cgroup in this hierarchy
     */
    public CgroupDir dir(String cgroupPath) {
        return dir(cgroupPath, null);
    }

    /**
     * @param cgroupPath a path from {@link CgroupPaths#normalize(String)}
     * @param budget     descriptors the directory may keep open; null to open, read and close on every read
     * @return the directory of that cgroup in this hierarchy
     */
    public CgroupDir dir(String cgroupPath, FileBudget budget) {
        Path p = mountPoint.resolve(CgroupPaths.relative(CgroupPaths.normalize(cgroupPath))).normalize();
        if (!p.startsWith(mountPoint)) {
            // normalize() already refused "..", so this only trips on a bug; keep the check next to the resolve.
            throw new IllegalArgumentException("invalid cgroup path \"" + cgroupPath + "\": escapes the cgroup root");
        }
        return new CgroupDir(p, budget, onCgroupFs());
    }

    /**
     * Whether the mount point is a mounted cgroup or cgroup2 filesystem (kernfs, whose files are all regular), as
     * the mount table says; false for a directory tree elsewhere (a copy, a test's fixture), whose files are
     * checked before they are opened. Looked up once.
     */
    private boolean onCgroupFs() {
        Boolean b = cgroupFs;
        if (b == null) {
            try {
                String type = Files.getFileStore(mountPoint).type();
                b = type.equals("cgroup") || type.equals("cgroup2");
            } catch (IOException | RuntimeException e) {
                b = false;
            }
            cgroupFs = b;
        }
        return b;
    }

    /**
     * @return every cgroup path in the hierarchy, {@code /} included
     * @throws CgroupException if the hierarchy cannot be walked
     */
    public List<String> listCgroups() throws CgroupException {
        if (!Files.isDirectory(mountPoint)) {
            throw new ControllerUnavailableException(mountPoint, "hierarchy not mounted", null);
        }
        List<String> out = new ArrayList<>();
        try {
            Files.walkFileTree(mountPoint, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String rel = mountPoint.relativize(dir).toString();
                    out.add(rel.isEmpty() ? "/" : "/" + rel);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    // A cgroup removed during the walk is normal on a busy host: it is simply not listed
                    if (e instanceof NoSuchFileException && !file.equals(mountPoint)) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    if (e != null && !(e instanceof NoSuchFileException)) {
                        throw e;
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException e) {
            throw new ControllerUnavailableException(mountPoint, "hierarchy not mounted", e);
        } catch (IOException e) {
            throw new CgroupReadException(mountPoint, e);
        }
        return out;
    }

    /**
     * @param cgroupPath a cgroup path
     * @return the cgroup's directory and every descendant's, parents before children; empty if it does not exist
     */
    public List<CgroupDir> subtree(String cgroupPath) {
        CgroupDir top = dir(cgroupPath);
        List<CgroupDir> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(top.path())) {
            s.filter(Files::isDirectory).forEach(p -> out.add(new CgroupDir(p)));
        } catch (IOException | UncheckedIOException e) {
            // Gone or going: whatever was listed is what exists; callers re-read until empty.
            return out;
        }
        return out;
    }

    /**
     * Creates the cgroup directory and its missing parents.
     *
     * @param cgroupPath the path
     * @return the parents created, outermost first, and the cgroup itself, if they did not exist
     * @throws CgroupException if a directory cannot be created
     */
    public List<CgroupDir> mkdirs(String cgroupPath) throws CgroupException {
        String norm = CgroupPaths.normalize(cgroupPath);
        List<CgroupDir> created = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (String seg : norm.substring(1).split("/")) {
            if (seg.isEmpty()) {
                continue;
            }
            sb.append('/').append(seg);
            CgroupDir d = dir(sb.toString());
            if (!d.exists()) {
                try {
                    Files.createDirectory(d.path());
                    created.add(d);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    // Created concurrently by someone else: fine, mkdir -p semantics.
                } catch (IOException e) {
                    throw CgroupWriteException.ofOperation(d.path(), "mkdir", CgroupDir.answer(e), e);
                }
            }
        }
        return created;
    }

    /**
     * Removes a cgroup and its children, deepest first. Each directory is removed only once its
     * {@code cgroup.procs} is empty; {@code rmdir} answering EBUSY is retried, because a killed process stays a
     * member until it has fully exited (and v1 memory cgroups may be busy while charges are moved).
     *
     * @param cgroupPath the path, not the root
     * @param timeout    how long to wait for members to leave and EBUSY to clear
     * @throws CgroupException if a directory is still busy at the deadline
     */
    public void remove(String cgroupPath, Duration timeout) throws CgroupException {
        String norm = CgroupPaths.normalize(cgroupPath);
        if (norm.equals("/")) {
            throw new IllegalArgumentException("invalid cgroup path \"/\": the root cgroup cannot be removed");
        }
        CgroupDir top = dir(norm);
        if (!top.exists()) {
            return;
        }
        List<Path> dirs;
        try (Stream<Path> s = Files.walk(top.path())) {
            dirs = s.filter(Files::isDirectory).sorted(Comparator.comparingInt(Path::getNameCount).reversed())
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            dirs = List.of(top.path());
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Path d : dirs) {
            rmdirWhenEmpty(new CgroupDir(d), deadline);
        }
    }

    private static void rmdirWhenEmpty(CgroupDir d, long deadline) throws CgroupException {
        long sleepMs = 1;
        while (true) {
            try {
                Files.delete(d.path());
                return;
            } catch (NoSuchFileException e) {
                return;
            } catch (FileSystemException e) {
                if (System.nanoTime() > deadline) {
                    List<Long> procs = d.exists() && d.has("cgroup.procs") ? d.readProcs() : List.of();
                    throw CgroupWriteException.ofOperation(d.path(), "rmdir", CgroupDir.answer(e)
                            + (procs.isEmpty() ? "" : " (members: " + procs + ")"), e);
                }
            } catch (IOException e) {
                throw CgroupWriteException.ofOperation(d.path(), "rmdir", CgroupDir.answer(e), e);
            }
            sleep(sleepMs);
            // Back off from 1 ms to 50 ms: exits finish in a few ms, but a memory cgroup can stay busy longer.
            sleepMs = Math.min(50, sleepMs * 2);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a cgroup", e);
        }
    }

    @Override
    public String toString() {
        return name + " at " + mountPoint;
    }
}
