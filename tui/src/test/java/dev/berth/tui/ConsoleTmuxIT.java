package dev.berth.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.cgroupctl.Cgroup;
import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.CgroupFsProber;
import dev.berth.cgroupctl.CpuMax;
import dev.berth.cgroupctl.FreezerState;
import dev.berth.cgroupctl.Layout;
import dev.berth.cgroupctl.Limit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end in a real terminal: {@code bin/berth} (the packaged jar; failsafe runs this after
 * {@code package}) runs in a 120x40 tmux pane, a container made by the test appears, the limit form changes its cgroup files, freeze and thaw
 * follow in the STATE column, and quitting leaves the shell prompt on the normal screen.
 *
 * <p>The container is a plain cgroup under a test-named parent ({@code /berth-test-console-<pid>})
 * holding a {@code sleep} the test started; the console lists it with {@code --all}. Everything is
 * removed in {@code finally}.
 */
@Tag("privileged")
class ConsoleTmuxIT {
    @TempDir
    Path tmp;

    @Test
    void rowLimitsFreezeThawAndRestoredTerminal() throws Exception {
        Assumptions.assumeTrue(Files.readAllLines(Path.of("/proc/self/status")).stream()
                .anyMatch(l -> l.matches("Uid:\\s+0\\s.*")), "needs root to create cgroups");
        Assumptions.assumeTrue(Tmux.available(), "tmux is not installed");
        var probe = CgroupFsProber.host().probe();
        Assumptions.assumeTrue(probe.layout() != Layout.NONE, "no usable cgroup filesystem");
        CgroupFs fs = CgroupFs.open(probe);
        long self = ProcessHandle.current().pid();
        String parent = "/berth-test-console-" + self;
        String path = parent + "/web";
        Process sleeper = null;
        Tmux tmux = null;
        try {
            fs.create(path);
            Cgroup cg = fs.cgroup(path);
            sleeper = new ProcessBuilder("sleep", "600").start();
            cg.addProcess(sleeper.pid());

            String cmd = launcher(tmp) + " --interval 0.5 --all --state-dir '" + tmp
                    + "' --cgroup-parent berth-test-console-" + self + "-own";  // the test's cgroup is a foreign one
            tmux = Tmux.start("berth-test-console-" + self, 120, 40, "env PS1='berth-e2e$ ' sh");
            tmux.await(20, s -> s.contains("berth-e2e$"), "the shell prompt");
            tmux.type(cmd);
            tmux.keys("Enter");

            String screen = tmux.await(30, s -> s.contains(path), "the container's row");
            assertTrue(screen.lines().anyMatch(l -> l.startsWith(" berth ")), screen);
            assertEquals("1", tmux.display("#{alternate_on}"), "the console uses the alternate screen");

            tmux.keys("/");
            tmux.type("console-" + self + "/web");
            tmux.keys("Enter");
            screen = tmux.await(20, s -> s.contains("1/") && s.contains("filter '"), "the filtered table");
            String row = rowOf(screen, path);
            assertTrue(row.contains("running"), row);

            tmux.keys("e");
            screen = tmux.await(20, s -> s.contains("limits of " + path), "the limit form");
            int tabs = 0;
            for (String label : List.of("CPU weight", "cpuset cpus", "cpuset mems")) {
                String line = screen.lines().filter(l -> l.contains("\u2502 " + label)).findFirst().orElse("");
                if (!line.contains("n/a")) {
                    tabs++;
                }
            }
            tmux.keys("C-u");
            tmux.type("0.5");
            for (int i = 0; i <= tabs; i++) {
                tmux.keys("Tab");
            }
            tmux.keys("C-u");
            tmux.type("12Q");
            tmux.await(20, s -> s.contains("12Q") && s.contains("! "), "the live validation error");
            tmux.keys("BSpace", "BSpace", "BSpace");
            tmux.type("64M");
            tmux.await(20, s -> s.contains("Enter apply"), "a valid form");
            tmux.keys("Enter");
            screen = tmux.await(30, s -> s.contains("applied "), "the applied status");
            assertEquals(Limit.of(64L << 20), cg.readMemory().maxBytes());
            assertEquals(new CpuMax(Limit.of(50_000), 100_000), cg.readCpuMax());
            screen = tmux.await(20, s -> rowOf(s, path).contains("64M") && rowOf(s, path).contains("0.50"),
                    "the new limits in the row");

            tmux.keys("f");
            tmux.await(20, s -> s.contains("freeze " + path), "the freeze confirmation");
            tmux.keys("y");
            screen = tmux.await(30, s -> rowOf(s, path).contains("frozen"), "the frozen state");
            assertEquals(FreezerState.FROZEN, cg.readFreezerState());
            tmux.keys("f");
            tmux.await(30, s -> rowOf(s, path).contains("running"), "the thawed state");
            assertEquals(FreezerState.THAWED, cg.readFreezerState());

            tmux.keys("q");
            screen = tmux.await(30, s -> !s.contains("?Help"), "the console to leave");
            tmux.await(20, s -> s.stripTrailing().endsWith("berth-e2e$"), "the prompt after the console");
            assertEquals("0", tmux.display("#{alternate_on}"), "back on the normal screen");
            assertEquals("1", tmux.display("#{cursor_flag}"), "cursor visible again");
            assertFalse(tmux.capture().contains("NAME "), "no console remnants on the normal screen");
        } finally {
            if (tmux != null) {
                tmux.close();
            }
            Cgroup cg = fs.cgroup(path);
            if (cg.exists()) {
                try {
                    cg.thaw(Duration.ofSeconds(5));
                } catch (Exception e) {
                    // not frozen, or already gone
                }
            }
            if (sleeper != null) {
                sleeper.destroyForcibly().waitFor();
            }
            fs.remove(parent);
        }
    }

    @Test
    void sigtermAndSigintRestoreTheTerminal() throws Exception {
        Assumptions.assumeTrue(Tmux.available(), "tmux is not installed");
        String cmd = launcher(tmp) + " --interval 1 --state-dir '" + tmp + "'";
        for (String signal : List.of("TERM", "INT")) {
            try (Tmux tmux = Tmux.start("berth-test-signal-" + ProcessHandle.current().pid(), 100, 30,
                    "env PS1='berth-e2e$ ' sh")) {
                tmux.await(20, s -> s.contains("berth-e2e$"), "the shell prompt");
                Path before = tmp.resolve("stty-before-" + signal);
                tmux.type("stty -g > '" + before + "'");
                tmux.keys("Enter");
                tmux.await(20, s -> Files.exists(before), "stty -g");
                tmux.type(cmd);
                tmux.keys("Enter");
                tmux.await(30, s -> s.contains("?Help") && s.contains(" berth "), "the console");
                long shell = Long.parseLong(tmux.display("#{pane_pid}"));
                ProcessHandle console = ProcessHandle.of(shell).orElseThrow().children()
                        .filter(p -> p.info().command().orElse("").endsWith("java")).findFirst().orElseThrow();
                Tmux.run("kill", "-" + signal, String.valueOf(console.pid()));
                // wait for berth itself to exit, not for a prompt-looking screen (which the restored screen can show
                // before the JVM is gone)
                assertTrue(console.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).handle((p, e) -> e == null)
                        .get(), "berth exited after SIG" + signal);
                tmux.await(30, s -> s.stripTrailing().endsWith("berth-e2e$"), "the prompt after SIG" + signal);
                assertEquals("0", tmux.display("#{alternate_on}"), "normal screen after SIG" + signal);
                assertEquals("1", tmux.display("#{cursor_flag}"), "cursor visible after SIG" + signal);
                Path after = tmp.resolve("stty-after-" + signal);
                tmux.type("stty -g > '" + after + "'");
                tmux.keys("Enter");
                tmux.await(20, s -> Files.exists(after), "stty -g");
                Thread.sleep(200);
                assertEquals(Files.readString(before), Files.readString(after), "tty modes restored after SIG"
                        + signal);
            }
        }
    }

    /**
     * The console inside {@code berth shell}: after q, the first line typed reaches the shell (the console's input
     * thread used to sit in a blocking read of the tty after the console ended, and took that line).
     */
    @Test
    void theFirstLineAfterTheConsoleInsideTheShellReachesTheShell() throws Exception {
        Assumptions.assumeTrue(Tmux.available(), "tmux is not installed");
        try (Tmux tmux = Tmux.start("berth-test-shell-console-" + ProcessHandle.current().pid(), 100, 30,
                launcher(tmp) + " --state-dir '" + tmp + "' shell")) {
            tmux.await(30, s -> s.contains("berth>"), "the shell prompt");
            tmux.type("console --interval 1");
            tmux.keys("Enter");
            tmux.await(30, s -> s.contains("?Help") && s.contains(" berth "), "the console");
            tmux.keys("q");
            tmux.await(30, s -> "0".equals(displayOrEmpty(tmux, "#{alternate_on}")) && s.contains("berth>"),
                    "the shell prompt after the console");
            tmux.type("help stop");
            tmux.keys("Enter");
            tmux.await(30, s -> s.contains("Usage: berth stop"), "the first line after the console ran");
        }
    }

    private static String displayOrEmpty(Tmux tmux, String format) {
        try {
            return tmux.display(format);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Test
    void launchFromTheFormThenStop() throws Exception {
        Assumptions.assumeTrue(Files.readAllLines(Path.of("/proc/self/status")).stream()
                .anyMatch(l -> l.matches("Uid:\\s+0\\s.*")), "needs root to launch containers");
        Assumptions.assumeTrue(Tmux.available(), "tmux is not installed");
        Path busybox = Path.of("/bin/busybox");
        Assumptions.assumeTrue(Files.isExecutable(busybox), "busybox-static is not installed");
        Path rootfs = Files.createDirectories(tmp.resolve("rootfs/bin"));
        Files.copy(busybox, rootfs.resolve("busybox"));
        for (String applet : List.of("sh", "sleep")) {
            Files.createSymbolicLink(rootfs.resolve(applet), Path.of("busybox"));
        }
        long self = ProcessHandle.current().pid();
        String parent = "/berth-test-console-run-" + self;
        String path = parent + "/web";
        CgroupFs fs = CgroupFs.open(CgroupFsProber.host().probe());
        Path state = Files.createDirectories(tmp.resolve("state"));
        try (Tmux tmux = Tmux.start("berth-test-console-run-" + self, 120, 40, "env PS1='berth-e2e$ ' sh")) {
            tmux.await(20, s -> s.contains("berth-e2e$"), "the shell prompt");
            tmux.type(launcher(tmp) + " --interval 0.5 --all --state-dir '" + state + "' --cgroup-parent "
                    + parent.substring(1));
            tmux.keys("Enter");
            tmux.await(30, s -> s.contains("?Help") && s.contains("Ctr "), "the console");
            tmux.keys("l");
            tmux.await(20, s -> s.contains("launch a container"), "the launch form");
            tmux.type(tmp.resolve("rootfs").toString());
            tmux.keys("Tab");
            tmux.type("web");
            tmux.keys("Tab");
            tmux.type("sleep 600");
            tmux.keys("Tab");
            tmux.type("0.25");
            tmux.keys("Tab");
            tmux.type("32M");
            tmux.keys("Enter");
            String screen = tmux.await(30, s -> s.contains("launched web"), "the launch confirmation");
            screen = tmux.await(30, s -> rowOf(s, "web ").contains("running"), "the launched container's row");
            String row = rowOf(screen, "web ");
            assertTrue(row.contains("0.25") && row.contains("32M"), "limits given at launch:\n" + row);
            Cgroup cg = fs.cgroup(path);
            assertEquals(Limit.of(32L << 20), cg.readMemory().maxBytes());
            assertEquals(1, cg.readProcs().size());

            tmux.keys("/");
            tmux.type(path);
            tmux.keys("Enter");
            tmux.await(20, s -> s.contains("filter '"), "the filter");
            tmux.keys("s");
            tmux.await(20, s -> s.contains("stop web"), "the stop confirmation");
            tmux.keys("y");
            tmux.await(60, s -> s.contains("stopped web"), "the stopped status");
            assertFalse(cg.exists(), "the runtime removed the stopped container's cgroup");
            assertTrue(Files.readString(state.resolve("web/state.json")).contains("\"exited\""),
                    "the runtime's state says exited");
            tmux.keys("q");
            tmux.await(30, s -> s.stripTrailing().endsWith("berth-e2e$"), "the prompt after the console");
        } finally {
            Cgroup cg = fs.cgroup(path);
            if (cg.exists()) {
                try {
                    cg.killAll(Duration.ofSeconds(10));
                } catch (Exception e) {
                    // already empty or gone
                }
            }
            fs.remove(parent);
        }
    }

    /** The command line that starts {@code bin/berth}; skips the test when the jar is not built. */
    static String launcher(Path dir) {
        Path repo = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
        Assumptions.assumeTrue(Files.isRegularFile(repo.resolve("tui/target/berth.jar")),
                "tui/target/berth.jar is not built (run through failsafe after package)");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return "env LANG=C.UTF-8 JAVA='" + java + "' '" + repo.resolve("bin/berth") + "'";
    }

    private static String rowOf(String screen, String path) {
        return Arrays.stream(screen.split("\n")).filter(l -> l.startsWith(path)).findFirst().orElse("");
    }
}
