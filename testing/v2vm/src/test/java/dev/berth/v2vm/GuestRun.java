package dev.berth.v2vm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One boot of the v2 guest through {@code v2vm.sh}: writes the JVM's argument file to the results directory,
 * runs the JUnit Platform console launcher inside the guest on the given test classes, and waits for the guest,
 * always tearing it down. Not thread-safe; one instance per boot.
 */
final class GuestRun {
    /** What one boot returned: the script's exit status, its stderr, and where the guest wrote its results. */
    record Result(int exitStatus, String stderr, Path out, Duration took) {
        Path reportsDir() {
            return out.resolve("reports");
        }

        String consoleTail() throws IOException {
            Path console = out.resolve("console.log");
            Path output = out.resolve("output.log");
            StringBuilder b = new StringBuilder();
            for (Path p : List.of(output, console)) {
                if (Files.exists(p)) {
                    List<String> lines = Files.readAllLines(p, StandardCharsets.ISO_8859_1);
                    b.append("--- last lines of ").append(p).append('\n');
                    lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(l -> b.append(l).append('\n'));
                }
            }
            return b.toString();
        }
    }

    /** Exit status of v2vm.sh when the guest cannot be had on this machine. */
    static final int SKIP = 77;

    private final Path script;
    private final String classPath;
    private final Path out;

    GuestRun(Path script, String classPath, Path out) {
        this.script = script;
        this.classPath = classPath;
        this.out = out;
    }

    /**
     * Boots the guest and runs the classes there.
     *
     * @param nsdelegate   the delegated-subtree variant (cgroup2 with nsdelegate, a systemd-like delegation)
     * @param classes      fully qualified test class names, or {@code Class#method}, run in this order
     * @param properties   system properties of the guest's JVM
     * @param guestLimit   the hard limit on the guest's life (v2vm.sh kills it then)
     */
    Result run(boolean nsdelegate, List<String> classes, Map<String, String> properties, Duration guestLimit)
            throws IOException, InterruptedException {
        Files.createDirectories(out);
        List<String> jvm = new ArrayList<>(List.of(
                // C1 only and one GC thread: TCG runs code several times slower, and the tests measure the
                // kernel, not the JIT.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m"));
        properties.forEach((k, v) -> jvm.add("-D" + k + "=" + v));
        jvm.addAll(List.of(
                "-cp", classPath,
                "org.junit.platform.console.ConsoleLauncher", "execute",
                // flat: each test's start and end as it happens, so that output.log shows where a hung run hung
                "--disable-banner", "--disable-ansi-colors", "--details=flat", "--fail-if-no-tests",
                "--reports-dir=" + out.resolve("reports"),
                // the LIVE figures each test prints come back in the XML's system-out
                "--config=junit.platform.output.capture.stdout=true"));
        for (String c : classes) {
            jvm.add(c.contains("#") ? "--select-method=" + c : "--select-class=" + c);
        }
        Path argFile = out.resolve("jvm.args");
        StringBuilder args = new StringBuilder();
        for (String a : jvm) {
            args.append('"').append(a.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"\n");
        }
        Files.writeString(argFile, args);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(script.toString(), "--timeout", Long.toString(guestLimit.toSeconds()),
                "--out", out.toString()));
        if (nsdelegate) {
            cmd.add("--nsdelegate");
        }
        // taskset: every JVM in the guest on one vCPU. Under QEMU's multi-threaded TCG a JVM that runs on
        // several vCPUs sometimes executes code another thread has just patched before QEMU sees the change,
        // and dies with SIGSEGV/SIGABRT in C1 code (3 of 7 runs in issue 13); pinned, none did.
        cmd.addAll(List.of("--", "taskset", "-c", "0", java, "@" + argFile));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(out.resolve("v2vm.stderr").toFile()).start();
        // A surefire fork whose Maven goes away calls System.exit, which skips the finally below but runs this:
        // TERM to v2vm.sh, whose trap kills qemu (a SIGKILL'd JVM leaves it to v2vm.sh's own time limit).
        Thread hook = new Thread(p::destroy, "v2vm-teardown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            if (!p.waitFor(guestLimit.toSeconds() + 60, TimeUnit.SECONDS)) {
                throw new AssertionError("v2vm.sh did not end within " + guestLimit.toSeconds() + " s + 60 s");
            }
        } finally {
            Runtime.getRuntime().removeShutdownHook(hook);
            // v2vm.sh kills qemu in its trap on TERM; timeout(1) inside it bounds the guest even past a SIGKILL.
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        String stderr = Files.readString(out.resolve("v2vm.stderr"), StandardCharsets.ISO_8859_1);
        return new Result(p.exitValue(), stderr, out, took);
    }
}
