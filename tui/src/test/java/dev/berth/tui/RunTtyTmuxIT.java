package dev.berth.tui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.CgroupFsProber;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/berth run -it} on a real terminal (a tmux pane): the container's shell has a pty of
 * its own devpts (so {@code tty} names it), the pane's size, a new size after a resize, and
 * berth exits with the shell's status.
 */
@Tag("privileged")
class RunTtyTmuxIT {
    @TempDir
    Path tmp;

    @Test
    void interactiveShellGetsAPtyWithTheWindowSizeAndItsExitStatus() throws Exception {
        Assumptions.assumeTrue(Tmux.available(), "tmux is not installed");
        Assumptions.assumeTrue(Files.readString(Path.of("/proc/self/status")).lines()
                .anyMatch(l -> l.matches("Uid:\\s+0\\s.*")), "needs root (namespaces, cgroups)");
        Path busybox = Path.of("/bin/busybox");
        Assumptions.assumeTrue(Files.isExecutable(busybox), "busybox-static is not installed");
        Path repo = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
        Assumptions.assumeTrue(Files.isRegularFile(repo.resolve("tui/target/berth.jar")),
                "tui/target/berth.jar is not built (run through failsafe after package)");
        Path rootfs = tmp.resolve("rootfs");
        Files.createDirectories(rootfs.resolve("bin"));
        Files.copy(busybox, rootfs.resolve("bin/busybox"));
        Process p = new ProcessBuilder(busybox.toString(), "--list").start();
        for (String applet : new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            if (!applet.isBlank() && !applet.equals("busybox")) {
                Files.createSymbolicLink(rootfs.resolve("bin/" + applet), Path.of("busybox"));
            }
        }
        p.waitFor(10, TimeUnit.SECONDS);
        String parent = "berth-test-runtty-" + ProcessHandle.current().pid();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cmd = "JAVA='" + java + "' '" + repo.resolve("bin/berth") + "' run --rm -it --state-dir '" + tmp.resolve("state")
                + "' --cgroup-parent " + parent + " --rootfs '" + rootfs + "' -- sh; echo \"run-exit=$?\"";
        try (Tmux tmux = Tmux.start("berth-test-runtty-" + ProcessHandle.current().pid(), 100, 30,
                "env PS1='host$ ' sh")) {
            tmux.await(5, s -> s.contains("host$"), "the local shell prompt");
            tmux.type(cmd);
            tmux.keys("Enter");
            tmux.await(30, s -> s.contains("/ #"), "the container's shell prompt");
            tmux.type("echo t=$(tty) s=$(stty size) term=$TERM");
            tmux.keys("Enter");
            tmux.await(10, s -> s.contains("t=/dev/pts/0 s=30 100 term=xterm"), "a pty of the container's devpts, sized 100x30");
            Tmux.run("tmux", "resize-window", "-t", tmux.session, "-x", "90", "-y", "25");
            Thread.sleep(300);
            tmux.type("echo now=$(stty size)");
            tmux.keys("Enter");
            tmux.await(10, s -> s.contains("now=25 90"), "the new size passed on");
            tmux.type("exit 4");
            tmux.keys("Enter");
            // (the typed command line shows "run-exit=$?"; only the output has a digit there)
            String screen = tmux.await(20, s -> s.lines().anyMatch(l -> l.matches("run-exit=\\d+")), "berth run to return");
            assertTrue(screen.lines().anyMatch(l -> l.equals("run-exit=4")), "the shell's exit status:\n" + screen);
        } finally {
            CgroupFs fs = CgroupFs.open(CgroupFsProber.host().probe());
            if (fs.cgroup("/" + parent).exists()) {
                fs.remove("/" + parent);
            }
        }
    }
}
