package dev.berth.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated completion scripts, sourced in a real bash (and zsh, through bashcompinit): what the completion
 * function offers for subcommands, options, and container names where a command takes a container. The names come
 * from a stand-in {@code berth} that answers {@code ps --names} with three names, so that the test does not depend
 * on the host's containers (the install test runs the real one).
 */
class CompletionScriptsTest {
    @TempDir
    Path dir;
    private Path fakeBerth;
    private String bash;

    @BeforeEach
    void write() throws IOException {
        bash = CompletionScripts.bash(Main.newCommandLine());
        Files.writeString(dir.resolve("berth.bash"), bash);
        Files.writeString(dir.resolve("_berth"), CompletionScripts.zsh(bash));
        fakeBerth = dir.resolve("bin/berth");
        Files.createDirectories(fakeBerth.getParent());
        Files.writeString(fakeBerth, "#!/bin/sh\n[ \"$1 $2\" = 'ps --names' ] && printf 'web\\ndb-1\\nworker\\n'\n");
        Files.setPosixFilePermissions(fakeBerth, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Runs the completion function for the words typed (the last is the one being completed) in bash. */
    private List<String> complete(String shell, String... words) throws IOException, InterruptedException {
        StringBuilder w = new StringBuilder();
        for (String word : words) {
            w.append(" '").append(word).append('\'');
        }
        String prelude = shell.equals("zsh")
                ? "autoload -U +X compinit && compinit -u -d " + dir.resolve("zcompdump") + "; setopt ksharrays; "
                : "";
        String script = prelude + "source " + dir.resolve("berth.bash") + " 2>/dev/null\n"
                + "COMP_WORDS=(" + w + "); COMP_CWORD=" + (words.length - 1) + "; COMP_LINE=\"${COMP_WORDS[*]}\"; "
                + "COMP_POINT=${#COMP_LINE}; COMPREPLY=()\n"
                + "_complete_berth \"${COMP_WORDS[0]}\" \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\" "
                + "2>/dev/null\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Process p = new ProcessBuilder(shell, "-c", script).directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        List<String> offered = new ArrayList<>(out.lines().filter(l -> !l.isEmpty()).toList());
        return offered;
    }

    private List<String> bash(String... words) throws Exception {
        return complete("bash", words);
    }

    @Test
    void subcommandsAndOptionsComeFromTheCommandTree() throws Exception {
        String b = fakeBerth.toString();
        assertEquals(List.of("freeze"), bash(b, "fr"));
        assertEquals(Main.newCommandLine().getSubcommands().keySet().stream().filter(n -> n.startsWith("s")).sorted()
                .toList(), bash(b, "s").stream().sorted().toList());
        assertEquals(List.of("--listen"), bash(b, "serve", "--l"));
        assertEquals(List.of("--interval"), bash(b, "serve", "--int"));
    }

    @Test
    void argumentsThatTakeAContainerCompleteItsName() throws Exception {
        String b = fakeBerth.toString();
        assertEquals(List.of("web", "db-1", "worker"), bash(b, "freeze", ""));
        assertEquals(List.of("web", "worker"), bash(b, "kill", "w"));
        assertEquals(List.of("db-1"), bash(b, "rm", "-f", "d"));
        assertEquals(List.of("web", "db-1", "worker"), bash(b, "stat", "-c", ""));
        assertEquals(List.of("web"), bash(b, "logs", "we"));
        assertEquals(List.of("web"), bash(b, "exec", "we"));
    }

    @Test
    void argumentsThatNameSomethingNewOfferNoContainers() throws Exception {
        String b = fakeBerth.toString();
        assertEquals(List.of(), bash(b, "run", "--name", ""));
        assertEquals(List.of(), bash(b, "run", "--hostname", "w"));
        assertEquals(List.of(), bash(b, "serve", "--listen", ""));
    }

    @Test
    void psNamesPrintsTheNamesCompletionOffers() {
        dev.berth.collectors.testing.FakeHost h = dev.berth.collectors.testing.FakeHost.v2(dir.resolve("host"));
        h.container("/berth/api").pids(109);
        h.container("/berth/web").pids(110);
        h.container("/system.slice/cron.service").pids(111);
        h.write();
        CliRun r = CliRun.of("--procfs", h.procfs().toString(), "--sysfs", h.sysfs().toString(), "ps", "--names");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(List.of("api", "web"), r.out().lines().toList());
    }

    @Test
    void zshRunsTheSameScriptThroughBashcompinit() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/zsh")) || Files.isExecutable(Path.of("/bin/zsh")),
                "zsh is not installed");
        String b = fakeBerth.toString();
        // zsh's compgen (bashcompinit) leaves matching the typed prefix to zsh itself: every name is offered.
        assertEquals(List.of("web", "db-1", "worker"), complete("zsh", b, "thaw", "w"));
        // ... and the root's candidates likewise: every subcommand, in the tree's order.
        assertEquals(List.copyOf(Main.newCommandLine().getSubcommands().keySet()), complete("zsh", b, "fr"));
        assertEquals("#compdef berth", CompletionScripts.zsh(bash).lines().findFirst().orElse(""));
    }
}
