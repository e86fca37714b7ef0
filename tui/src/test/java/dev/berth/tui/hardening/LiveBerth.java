package dev.berth.tui.hardening;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.CgroupFsProber;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged berth ({@code tui/target/berth.jar}) run as a separate process, as a user runs it, with a
 * state dir in a temp dir and a cgroup parent named for the test ({@code berth-test-<what>-<pid>}) that
 * {@link #close} removes with everything under it. For the *IT tests of this package, which run after
 * {@code package}.
 */
final class LiveBerth implements AutoCloseable {
    final Path repo;
    final Path jar;
    final Path stateDir;
    final String cgroupParent;
    final Path tmp;
    private Path rootfs;
    private Path lastErr;
    private Path readableDir;
    private Path readableJar;

    /** Where the last {@link #start}ed berth writes its stderr. */
    Path lastErr() {
        return lastErr;
    }

    /** Skips (assumption) unless the jar is built. */
    LiveBerth(Path tmp, String what) {
        this.tmp = tmp;
        repo = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
        jar = repo.resolve("tui/target/berth.jar");
        assumeTrue(Files.isRegularFile(jar), "tui/target/berth.jar is not built (run through failsafe after package)");
        stateDir = tmp.resolve("state");
        cgroupParent = "berth-test-" + what + "-" + ProcessHandle.current().pid();
    }

    static boolean isRoot() {
        try {
            return Files.readString(Path.of("/proc/self/status")).lines().anyMatch(l -> l.matches("Uid:\\s+0\\s.*"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Skips unless root with a static busybox: what a live launch needs. */
    void assumeCanLaunch() {
        assumeTrue(isRoot(), "needs root (namespaces, cgroups)");
        assumeTrue(Files.isExecutable(Path.of("/bin/busybox")), "busybox-static is not installed");
    }

    /** A busybox rootfs (made once per instance). */
    Path rootfs() throws IOException, InterruptedException {
        if (rootfs == null) {
            Path r = tmp.resolve("rootfs");
            Files.createDirectories(r.resolve("bin"));
            Files.copy(Path.of("/bin/busybox"), r.resolve("bin/busybox"));
            Process p = new ProcessBuilder("/bin/busybox", "--list").start();
            for (String applet : new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!applet.isBlank() && !applet.equals("busybox")) {
                    Files.createSymbolicLink(r.resolve("bin/" + applet), Path.of("busybox"));
                }
            }
            p.waitFor(10, TimeUnit.SECONDS);
            rootfs = r;
        }
        return rootfs;
    }

    /**
     * The command line of {@code berth ARGS} with this test's state dir and cgroup parent as global options. With a
     * prefix (another user, through setpriv) the jar is a copy that user can read: a checkout under {@code /root}
     * (mode 700 on Debian) is out of its reach, and the JVM then exits before berth says anything.
     */
    List<String> command(List<String> prefix, String... args) {
        List<String> cmd = new ArrayList<>(prefix);
        Path runJar = prefix.isEmpty() ? jar : readableCopy();
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-jar", runJar.toString(), "--state-dir", stateDir.toString(),
                "--cgroup-parent", cgroupParent));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** The jar and its lib/ directory copied to a temp directory every user can read (made once, removed by close). */
    private Path readableCopy() {
        if (readableJar == null) {
            try {
                java.nio.file.attribute.FileAttribute<?> open = java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
                readableDir = Files.createTempDirectory("berth-it-jar", open);
                Files.createDirectory(readableDir.resolve("lib"), open);
                try (java.util.stream.Stream<Path> libs = Files.list(jar.resolveSibling("lib"))) {
                    for (Path l : libs.toList()) {
                        Files.copy(l, readableDir.resolve("lib").resolve(l.getFileName()));
                    }
                }
                readableJar = Files.copy(jar, readableDir.resolve(jar.getFileName()));
                try (java.util.stream.Stream<Path> all = Files.walk(readableDir)) {
                    for (Path f : all.filter(Files::isRegularFile).toList()) {
                        Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot copy " + jar + " where another user can read it", e);
            }
        }
        return readableJar;
    }

    /** Starts {@code berth ARGS}; stdin is /dev/null, output goes to files under the temp dir. */
    Process start(List<String> prefix, String... args) throws IOException {
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        lastErr = err;
        return new ProcessBuilder(command(prefix, args)).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    }

    /** Runs {@code berth ARGS} to the end (at most two minutes). */
    Result run(String... args) throws IOException, InterruptedException {
        return runAs(List.of(), args);
    }

    /** Runs {@code PREFIX berth ARGS} (e.g. setpriv as another user) to the end. */
    Result runAs(List<String> prefix, String... args) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command(prefix, args))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("berth " + String.join(" ", args) + " did not finish in two minutes");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    /** What a berth process printed and its exit status. */
    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + ", out: " + out.strip() + ", err: " + err.strip();
        }
    }

    /**
     * The cgroups below the test's parent, in any hierarchy. Walks only the parent's directories: a
     * walk of the whole tree meets the cgroups other tests create and remove meanwhile.
     */
    List<String> leftoverCgroups() throws IOException {
        java.util.TreeSet<String> out = new java.util.TreeSet<>();
        try (var hierarchies = Files.list(Path.of("/sys/fs/cgroup"))) {
            for (Path h : hierarchies.toList()) {
                Path top = h.resolve(cgroupParent);
                if (!Files.isDirectory(top)) {
                    continue;
                }
                try (var s = Files.walk(top)) {
                    s.filter(Files::isDirectory).filter(p -> !p.equals(top))
                            .forEach(p -> out.add("/" + h.relativize(p)));
                } catch (java.io.UncheckedIOException | IOException e) {
                    // a cgroup removed during the walk is not a leftover
                }
            }
        }
        return List.copyOf(out);
    }

    /** Kills and removes every cgroup under the test's parent, and the parent. */
    @Override
    public void close() throws Exception {
        if (readableDir != null) {
            try (java.util.stream.Stream<Path> all = Files.walk(readableDir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        if (!isRoot()) {
            return;
        }
        CgroupFs fs = CgroupFs.open(CgroupFsProber.host().probe());
        List<String> mine = new ArrayList<>(leftoverCgroups());
        mine.add("/" + cgroupParent);
        mine.sort(Comparator.comparing(String::length).reversed());
        for (String p : mine) {
            if (fs.cgroup(p).exists()) {
                fs.cgroup(p).killAll(java.time.Duration.ofSeconds(5));
            }
            fs.remove(p);
        }
    }
}
