package dev.berth.tui.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 defect 3 and the launch-failure suite: berth itself SIGKILLed at random moments of
 * {@code run -d}, and while it unpacks a tar rootfs. After each kill, every leftover must be visible
 * ({@code ps --all} lists every state entry and every cgroup under the parent), {@code rm -f} must
 * leave nothing (no cgroup, state entry, {@code .tmp-*}, unpack in progress, process, mount), and a
 * launch of the same name must then work.
 *
 * <p>Kills per run: {@code -Dberth.launchKills=N} (default 12, half of each kind, about three
 * minutes here); the long variant in the README uses 100.
 */
@Tag("privileged")
class LaunchKillIT {
    @TempDir
    Path tmp;

    @Test
    void berthKilledDuringRunOrUnpackLeavesOnlyVisibleRemovableState() throws Exception {
        int kills = Integer.getInteger("berth.launchKills", 12);
        Random random = new Random(Long.getLong("berth.launchKills.seed", System.nanoTime()));
        try (LiveBerth berth = new LiveBerth(tmp, "kill9")) {
            berth.assumeCanLaunch();
            Path rootfs = berth.rootfs();
            // a tar big enough that unpacking takes a while: the rootfs and 96 MiB of random bytes
            Path big = Files.createDirectories(tmp.resolve("bigsrc"));
            new ProcessBuilder("cp", "-a", rootfs + "/.", big.toString()).start().waitFor();
            try (OutputStream out = Files.newOutputStream(big.resolve("blob"))) {
                byte[] b = new byte[1 << 20];
                for (int i = 0; i < 96; i++) {
                    random.nextBytes(b);
                    out.write(b);
                }
            }
            long t0 = System.nanoTime();
            LiveBerth.Result ok = berth.run("run", "-d", "--name", "measure", "--rootfs", rootfs.toString(), "--",
                    "sleep", "1000");
            long runMillis = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(0, ok.exit(), ok.toString());
            assertEquals(0, berth.run("rm", "-f", "measure").exit());
            int found = 0;
            for (int i = 0; i < kills; i++) {
                String name = "k" + i;
                boolean unpack = i % 2 == 1;
                Path tar = null;
                if (unpack) {
                    tar = tmp.resolve("image-" + i + ".tar"); // a new archive each time: a new unpack
                    assertEquals(0, new ProcessBuilder("tar", "-cf", tar.toString(), "-C", big.toString(), ".")
                            .start().waitFor());
                }
                Process p = berth.start(List.of(), "run", "-d", "--name", name, "--rootfs",
                        (unpack ? tar : rootfs).toString(), "--", "sleep", "1000");
                if (unpack) {
                    awaitUnpackStarted(berth, p);
                    Thread.sleep(random.nextInt(300));
                } else if (i % 4 == 0) {
                    Thread.sleep(random.nextInt((int) Math.max(1, runMillis)));
                } else {
                    // most of a run -d is JVM start-up: aim the rest of the kills at the launch itself
                    awaitLaunchStarted(berth, p, name);
                    Thread.sleep(random.nextInt(250));
                }
                p.destroyForcibly(); // SIGKILL
                p.waitFor(30, TimeUnit.SECONDS);

                List<String> leftovers = leftovers(berth);
                found += leftovers.isEmpty() ? 0 : 1;
                if (!leftovers.isEmpty()) {
                    LiveBerth.Result ps = berth.run("ps", "--all");
                    for (String l : leftovers) {
                        assertTrue(ps.out().lines().anyMatch(line -> line.startsWith(l + " ")),
                                "leftover " + l + " of " + name + " is not listed by ps --all:\n" + ps.out());
                    }
                }
                LiveBerth.Result rm = berth.run("rm", "-f", name);
                assertTrue(rm.exit() == 0 || rm.err().contains("no such container"), rm.toString());
                assertEquals(List.of(), leftovers(berth), "after rm -f " + name);
                // a detached container's monitor exits just after rm -f killed the container it waited for
                List<String> strays = strays(berth);
                for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10); !strays.isEmpty()
                        && System.nanoTime() < end; strays = strays(berth)) {
                    Thread.sleep(50);
                }
                assertEquals(List.of(), strays, "after rm -f " + name);
                LiveBerth.Result again = berth.run("run", "-d", "--name", name, "--rootfs", rootfs.toString(), "--",
                        "sleep", "1000");
                assertEquals(0, again.exit(), "the same name launches again: " + again);
                assertEquals(0, berth.run("rm", "-f", name).exit());
                if (tar != null) {
                    Files.delete(tar);
                }
            }
            System.out.println("launch kills: " + kills + " berth processes SIGKILLed, " + found
                    + " left something visible behind, 0 leaks after rm -f");
        }
    }

    /** Waits until the killed-to-be berth has created its unpack directory (or has finished). */
    private static void awaitUnpackStarted(LiveBerth berth, Process p) throws Exception {
        Path images = berth.stateDir.resolve(".images");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (p.isAlive() && System.nanoTime() < deadline) {
            if (Files.isDirectory(images)) {
                try (Stream<Path> s = Files.list(images)) {
                    if (s.anyMatch(x -> x.getFileName().toString().startsWith(".tmp-"))) {
                        return;
                    }
                }
            }
            Thread.sleep(5);
        }
    }

    /** Waits until the berth has started to reserve the name (a temporary or the entry exists), or has ended. */
    private static void awaitLaunchStarted(LiveBerth berth, Process p, String name) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (p.isAlive() && System.nanoTime() < deadline) {
            if (Files.isDirectory(berth.stateDir)) {
                try (Stream<Path> s = Files.list(berth.stateDir)) {
                    if (s.anyMatch(x -> x.getFileName().toString().startsWith(".tmp-")
                            || x.getFileName().toString().equals(name))) {
                        return;
                    }
                }
            }
            Thread.sleep(2);
        }
    }

    /** Container state entries and cgroups under the parent: what rm -f must remove. */
    private static List<String> leftovers(LiveBerth berth) throws Exception {
        List<String> out = new ArrayList<>();
        if (Files.isDirectory(berth.stateDir)) {
            try (Stream<Path> s = Files.list(berth.stateDir)) {
                s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).forEach(out::add);
            }
        }
        for (String cg : berth.leftoverCgroups()) {
            String leaf = cg.substring(cg.lastIndexOf('/') + 1);
            if (!out.contains(leaf)) {
                out.add(leaf);
            }
        }
        return out;
    }

    /**
     * What no command could see or remove: temporaries in the state dir and under {@code .images}
     * (once their berth is gone), processes in the parent's cgroups or running from the state dir
     * (a helper, a tar), mounts below the state dir.
     */
    private static List<String> strays(LiveBerth berth) throws IOException {
        List<String> out = new ArrayList<>();
        for (Path d : List.of(berth.stateDir, berth.stateDir.resolve(".images"))) {
            if (Files.isDirectory(d)) {
                try (Stream<Path> s = Files.list(d)) {
                    s.filter(p -> p.getFileName().toString().startsWith(".tmp-")).forEach(p -> out.add(p.toString()));
                }
            }
        }
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(x -> x.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cg = Files.readString(p.resolve("cgroup"));
                    String cmd = new String(Files.readAllBytes(p.resolve("cmdline"))).replace('\0', ' ');
                    if (cg.contains("/" + berth.cgroupParent + "/") || cmd.contains(berth.stateDir.toString())) {
                        out.add("process " + p.getFileName() + ": " + cmd.strip());
                    }
                } catch (IOException e) {
                    // exited meanwhile
                }
            }
        }
        Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                .filter(l -> l.contains(berth.stateDir.toString())).forEach(l -> out.add("mount " + l));
        return out;
    }
}
