package dev.berth.runtime.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.CgroupFsProber;
import dev.berth.runtime.ContainerName;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code berth exec} when berth itself runs chrooted (a build chroot, the fresh-machine check of the README): joining
 * the container's mount namespace put the exec'd process in the namespace's root mount, the host's real {@code /},
 * and not in the container's rootfs, which sits below the chroot; its files went to the host. A second JVM runs a
 * launch and an exec ({@link #main}) in a chroot whose root is a recursive bind mount of {@code /} (the same files
 * at the same paths, but a root that differs from the mount namespace's), in a private mount namespace that ends with
 * it. Needs root, unshare and chroot, busybox and the helper, as {@link LiveContainers}.
 */
@Tag("privileged")
class ExecUnderChrootPrivilegedTest {
    @TempDir
    Path tmp;

    @Test
    void anExecdProcessRunsInTheContainersRootWhenBerthRunsChrooted() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root (namespaces, mounts, cgroups)");
        assumeTrue(BusyboxRootfs.available(), "needs a static busybox at /bin/busybox (apt install busybox-static)");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/unshare")) && Files.isExecutable(Path.of("/usr/sbin/chroot")),
                "needs unshare and chroot (util-linux, coreutils)");
        Path root = Files.createDirectories(tmp.resolve("chroot"));
        Path work = Files.createDirectories(tmp.resolve("work"));
        String marker = "berth-chroot-exec-" + ProcessHandle.current().pid();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder("/usr/bin/unshare", "--mount", "--propagation", "private", "/bin/sh", "-c",
                "mount --rbind / \"$0\" && exec /usr/sbin/chroot \"$0\" \"$@\"", root.toString(), java.toString(),
                "-cp", System.getProperty("java.class.path"), ExecUnderChrootPrivilegedTest.class.getName(),
                work.toString(), marker).redirectErrorStream(true).start();
        String out;
        try {
            out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            // the bound only keeps a regression from hanging CI: the child ends on its own
            assertEquals(true, p.waitFor(2, TimeUnit.MINUTES), "the chrooted launch did not end: " + out);
        } finally {
            p.destroyForcibly();
            p.waitFor();
            // the file the bug wrote went to the host's /tmp: this test's own marker, removed either way
            Files.deleteIfExists(Path.of("/tmp", marker));
            // a child that failed before its own cleanup leaves its cgroups (named for its pid: unshare, sh and
            // chroot each exec the next, so the JVM has p's pid) and the container in them: removed here
            CgroupFs cgroups = CgroupFs.open(new CgroupFsProber(Path.of("/proc"), Path.of("/sys")).probe());
            String parent = "/berth-test-chroot-" + p.pid();
            Launcher.removeCgroup(cgroups, parent + "/cx");
            Launcher.removeCgroup(cgroups, parent);
        }
        assumeTrue(!out.contains("SKIP "), out);
        assertEquals(0, p.exitValue(), out);
        assertEquals(List.of("exec=0 inRootfs=true onHost=false"), out.lines().filter(l -> l.startsWith("exec=")).toList(),
                out);
        assertFalse(Files.exists(root.resolve("proc/self")), "the chroot's mounts reached the host's namespace");
    }

    /** The chrooted side: a detached container, an exec that writes /tmp/MARKER in it, where the file went. */
    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        String marker = args[1];
        LiveContainers live;
        try {
            live = new LiveContainers(work, "chroot");
        } catch (org.opentest4j.TestAbortedException e) {
            System.out.println("SKIP " + e.getMessage());
            return;
        }
        try {
            ContainerName name = ContainerName.of("cx");
            live.launcher.start(LaunchSpec.of(live.rootfs, List.of("sleep", "60")).withName(name).withDetached(true),
                    LaunchHooks.NONE);
            int code = live.execer.exec(name, new ExecSpec(List.of("sh", "-c", "echo inside > /tmp/" + marker), false,
                    false, List.of(), Optional.empty(), Optional.empty()));
            System.out.println("exec=" + code + " inRootfs=" + Files.exists(live.rootfs.resolve("tmp/" + marker))
                    + " onHost=" + Files.exists(Path.of("/tmp", marker)));
            live.remove(name);
        } finally {
            live.close();
        }
        System.exit(0);
    }
}
