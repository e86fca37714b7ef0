package dev.berth.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code make install PREFIX=<temp>} (dist/install.sh), then berth, its man page and its completion run from that
 * prefix alone; and the Debian package the build made holds the same files and depends on a Java 17 runtime.
 * Runs after {@code package} (failsafe), when the jars, man pages and completion scripts exist.
 */
class InstallIT {
    private static final Path REPO = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();

    @TempDir
    Path tmp;
    private Path prefix;

    private record Run(int exit, String out) {
    }

    private static Run run(Path dir, String... cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        pb.environment().put("MANPAGER", "cat");
        pb.environment().put("PAGER", "cat");
        pb.environment().put("MANWIDTH", "100");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), String.join(" ", cmd) + " did not finish");
        return new Run(p.exitValue(), out);
    }

    @BeforeEach
    void install() throws Exception {
        prefix = tmp.resolve("prefix");
        Run r = Files.isExecutable(Path.of("/usr/bin/make"))
                ? run(REPO, "make", "install", "PREFIX=" + prefix)
                : run(REPO, "sh", "dist/install.sh", prefix.toString());
        assertEquals(0, r.exit(), r.out());
    }

    @Test
    void filesAreWhereAPackagerPutsThem() {
        for (String f : List.of("bin/berth", "lib/berth/berth.jar", "share/man/man1/berth.1.gz",
                "share/man/man1/berth-serve.1.gz", "share/bash-completion/completions/berth",
                "share/zsh/site-functions/_berth", "lib/systemd/system/berth-serve.service")) {
            assertTrue(Files.isRegularFile(prefix.resolve(f)), f);
        }
        assertTrue(Files.isExecutable(prefix.resolve("bin/berth")));
    }

    @Test
    void berthRunsFromThePrefix() throws Exception {
        Run r = run(tmp, prefix.resolve("bin/berth").toString(), "--version");
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().startsWith("berth 0."), r.out());
        String unit = Files.readString(prefix.resolve("lib/systemd/system/berth-serve.service"));
        assertTrue(unit.contains("ExecStart=" + prefix + "/bin/berth serve --listen 127.0.0.1:9756"), unit);
    }

    @Test
    void manFindsThePagesInThePrefix() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/man")), "man (man-db) is not installed");
        Run r = run(tmp, "man", "-M", prefix.resolve("share/man").toString(), "berth");
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("berth - "), r.out());
        r = run(tmp, "man", "-M", prefix.resolve("share/man").toString(), "berth-serve");
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("--listen"), r.out());
    }

    @Test
    void theInstalledCompletionCompletesWithTheInstalledBerth() throws Exception {
        String berth = prefix.resolve("bin/berth").toString();
        String complete = "source '" + prefix.resolve("share/bash-completion/completions/berth") + "' 2>/dev/null\n"
                + "c() { COMP_WORDS=(\"$@\"); COMP_CWORD=$(( $# - 1 )); COMPREPLY=(); "
                + "_complete_berth \"$1\" \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\" 2>/dev/null; "
                + "printf '%s\\n' \"${COMPREPLY[@]}\"; }\n";
        Run r = run(tmp, "bash", "-c", complete + "c '" + berth + "' fre");
        assertEquals("freeze", r.out().strip());
        // Names come from the installed berth itself: what it lists is what completion offers.
        Run names = run(tmp, berth, "ps", "--names");
        assertEquals(0, names.exit(), names.out());
        r = run(tmp, "bash", "-c", complete + "c '" + berth + "' freeze ''");
        assertEquals(names.out().strip(), r.out().strip());
    }

    @Test
    void theDebianPackageHoldsTheSameFilesAndNeedsJava17() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/dpkg-deb")), "dpkg-deb is not installed");
        Path deb;
        try (Stream<Path> s = Files.list(REPO.resolve("dist/target"))) {
            deb = s.filter(p -> p.getFileName().toString().matches("berth_.*\\.deb")).findFirst().orElseThrow();
        }
        Run depends = run(tmp, "dpkg-deb", "-f", deb.toString(), "Depends");
        assertEquals("openjdk-17-jre-headless | java17-runtime-headless", depends.out().strip());
        Run contents = run(tmp, "dpkg-deb", "-c", deb.toString());
        for (String f : List.of("-rwxr-xr-x root/root .* ./usr/bin/berth", ".* ./usr/lib/berth/berth.jar",
                ".* ./usr/share/man/man1/berth.1.gz", ".* ./usr/share/bash-completion/completions/berth",
                ".* ./usr/share/zsh/vendor-completions/_berth", ".* ./usr/lib/systemd/system/berth-serve.service")) {
            assertTrue(contents.out().lines().anyMatch(l -> l.matches(f)), f + " in\n" + contents.out());
        }
    }
}
