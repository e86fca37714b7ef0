package dev.berth.runtime.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Test support: a minimal rootfs made of the host's static busybox and one symlink per applet
 * (what {@code busybox --install -s} would do), plus an {@code /etc/passwd} with root and one
 * unprivileged user. Package-private for the launch tests.
 */
final class BusyboxRootfs {
    static final Path BUSYBOX = Path.of("/bin/busybox");

    private BusyboxRootfs() {
    }

    /** Whether the host has a static busybox to build from. */
    static boolean available() {
        return Files.isExecutable(BUSYBOX);
    }

    /** Builds the rootfs in {@code dir} (created) and returns it. */
    static Path create(Path dir) throws IOException, InterruptedException {
        Path bin = dir.resolve("bin");
        Files.createDirectories(bin);
        Files.copy(BUSYBOX, bin.resolve("busybox"));
        Process p = new ProcessBuilder(BUSYBOX.toString(), "--list").start();
        String applets = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        for (String applet : applets.split("\n")) {
            // "busybox" itself is in the list: linking it would replace the binary by a self-loop
            if (!applet.isBlank() && !applet.equals("busybox") && !applet.contains("/")) {
                Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
            }
        }
        for (String d : new String[] {"etc", "tmp", "proc", "sys", "dev", "root"}) {
            Files.createDirectories(dir.resolve(d));
        }
        Files.writeString(dir.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n");
        Files.writeString(dir.resolve("etc/group"), "root:x:0:\nnogroup:x:65534:\n");
        return dir;
    }
}
