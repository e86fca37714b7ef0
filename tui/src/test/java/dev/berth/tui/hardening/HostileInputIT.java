package dev.berth.tui.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.CgroupFsProber;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-input catalogue (issue 10), one parametrised test over the packaged CLI: names with
 * {@code /}, {@code ..}, control characters and 10 kB; limits negative, zero, NaN, huge, fractional,
 * under the minimum; devices that do not exist; {@code --procfs}/{@code --sysfs} at garbage; the
 * state dir a file, read-only, or a full tmpfs; tampered state files; and every command as a user
 * other than root (setpriv). Each case must give one line on stderr, {@code berth <cmd>: ...}, a
 * non-zero exit, no control character in anything printed, no Java trace, and must change nothing:
 * every file under the state dir and under the test's cgroup parent reads the same before and after.
 * A live container ({@code victim}) is the target of the limit and name cases.
 *
 * <p>Also here (issue 10 defects 1 and 6, fixed in the ops verbs and the readers, kept fixed by this
 * catalogue): a container whose {@code state.json} names another cgroup, which the test created and
 * put a process of its own in (refused like the other tampered states); and, in a second
 * parametrised test, {@code --procfs} trees that mirror the host's {@code /proc} but for one hostile
 * file, a FIFO as {@code stat} or {@code diskstats} and a 300 MB (sparse) {@code meminfo}, for
 * {@code ps} and {@code stat}. {@code stat} reads everything else, shows the unreadable part as
 * {@code -}, names the file and exits 1 (a kernel file of the host could not be read: the data given
 * is wrong), as {@code ls} prints what it can and exits 1 for what it could not read; {@code ps} prints
 * no host figure and reads none of these files (exit 0, nothing said). Both must end (they used to hang
 * on the FIFO and run out of memory on the big file) and change nothing.
 */
@Tag("privileged")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {
    private Path tmp;
    private LiveBerth berth;
    private Path fullState;
    private Path roState;
    /** A process of the test's own, in the cgroup a tampered state file names; killed by {@link #stop}. */
    private Process otherMember;

    /** One hostile invocation: what it is, an optional prefix (setpriv), the arguments. */
    record Case(String what, List<String> prefix, List<String> args, String mustMention) {
        @Override
        public String toString() {
            return what;
        }
    }

    @BeforeAll
    void start() throws Exception {
        tmp = Files.createTempDirectory("berth-hostile-");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        berth = new LiveBerth(tmp, "hostile");
        berth.assumeCanLaunch();
        LiveBerth.Result r = berth.run("run", "-d", "--name", "victim", "--pids-limit", "50", "--memory", "64M",
                "--rootfs", berth.rootfs().toString(), "--", "sleep", "100000");
        assertEquals(0, r.exit(), r.toString());
        // a second container whose state the tamper cases damage, one way each
        for (String t : List.of("tdir", "tjunk", "tlink")) {
            r = berth.run("run", "-d", "--name", t, "--rootfs", berth.rootfs().toString(), "--", "sleep", "100000");
            assertEquals(0, r.exit(), r.toString());
        }
        Path s = berth.stateDir;
        Files.delete(s.resolve("tdir/state.json"));
        Files.createDirectories(s.resolve("tdir/state.json/x"));
        Files.writeString(s.resolve("tjunk/state.json"), "{\"name\" : \"tjunk\", \"id\" : 42, \u001b[2J");
        Files.delete(s.resolve("tlink/state.json"));
        Files.createSymbolicLink(s.resolve("tlink/state.json"), s.resolve("victim/state.json"));
        // a state file naming another cgroup (defect 1): one the test made, with a process of its own in it
        r = berth.run("run", "-d", "--name", "tother", "--rootfs", berth.rootfs().toString(), "--", "sleep", "100000");
        assertEquals(0, r.exit(), r.toString());
        String other = "/" + berth.cgroupParent + "/other";
        CgroupFs fs = CgroupFs.open(new CgroupFsProber(Path.of("/proc"), Path.of("/sys")).probe());
        fs.create(other);
        otherMember = new ProcessBuilder("sleep", "100000").start();
        fs.cgroup(other).addProcess(otherMember.pid());
        Path tother = s.resolve("tother/state.json");
        String json = Files.readString(tother);
        String tampered = json.replaceFirst("\"cgroupPath\"\\s*:\\s*\"[^\"]*\"", "\"cgroupPath\" : \"" + other + "\"");
        assertNotEquals(json, tampered, "no cgroupPath in " + json);
        Files.writeString(tother, tampered);
        // --procfs trees: the host's /proc entry by entry (symlinks), but for one hostile file each
        for (String hostile : List.of("stat", "diskstats", "meminfo")) {
            Path tree = Files.createDirectories(tmp.resolve("proc-" + hostile));
            try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
                for (Path e : entries.toList()) {
                    if (!e.getFileName().toString().equals(hostile)) {
                        Files.createSymbolicLink(tree.resolve(e.getFileName().toString()), e);
                    }
                }
            }
            if (hostile.equals("meminfo")) {
                try (var f = new java.io.RandomAccessFile(tree.resolve(hostile).toFile(), "rw")) {
                    f.setLength(300L << 20); // sparse: 300 MB to read, no disk used
                }
            } else {
                assertEquals(0, new ProcessBuilder("mkfifo", tree.resolve(hostile).toString()).start().waitFor());
            }
        }
        Files.writeString(tmp.resolve("a-file"), "not a directory\n");
        Files.createDirectories(tmp.resolve("empty"));
        fullState = Files.createDirectories(tmp.resolve("full"));
        if (new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "berth-test-full", fullState.toString())
                .start().waitFor() == 0) {
            try (var out = Files.newOutputStream(fullState.resolve("filler"))) {
                out.write(new byte[1 << 20]);
            } catch (IOException expected) {
                // full now
            }
        } else {
            fullState = null;
        }
        roState = Files.createDirectories(tmp.resolve("ro"));
        if (new ProcessBuilder("mount", "-t", "tmpfs", "-o", "ro,size=64k", "berth-test-ro", roState.toString())
                .start().waitFor() != 0) {
            roState = null;
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (otherMember != null) {
            otherMember.destroyForcibly();
            otherMember.waitFor(10, TimeUnit.SECONDS);
        }
        for (Path m : new Path[] {fullState, roState}) {
            if (m != null) {
                new ProcessBuilder("umount", "-l", m.toString()).start().waitFor();
            }
        }
        if (berth != null) {
            for (String n : List.of("victim", "tdir", "tjunk", "tlink", "tother")) {
                berth.run("rm", "-f", n);
            }
            berth.close();
        }
        if (tmp != null) {
            new ProcessBuilder("rm", "-rf", "--one-file-system", tmp.toString()).start().waitFor(60, TimeUnit.SECONDS);
        }
    }

    Stream<Case> cases() {
        List<Case> c = new ArrayList<>();
        String long10k = "a".repeat(10 * 1024);
        List<String> names = List.of("a/b", "..", "../victim", "/../../etc", "x\u001b[2J", "a\nb", "x\u009b2J",
                long10k, "", "-");
        for (String n : names) {
            String shown = n.length() > 20 ? "10 kB name" : n.replace("\u001b", "ESC").replace("\n", "NL")
                    .replace("\u009b", "CSI").replace("\u0000", "NUL");
            for (String cmd : List.of("freeze", "thaw", "kill", "stop", "rm", "logs")) {
                c.add(new Case(cmd + " name " + shown, List.of(), List.of(cmd, n), null));
            }
            c.add(new Case("set name " + shown, List.of(), List.of("set", n, "--pids-limit", "10"), null));
            c.add(new Case("exec name " + shown, List.of(), List.of("exec", n, "--", "true"), null));
            c.add(new Case("run --name " + shown, List.of(), List.of("run", "-d", "--name", n, "--rootfs", "/nonexistent",
                    "--", "true"), null));
            c.add(new Case("stat -c " + shown, List.of(), List.of("stat", "-c", n, "0.1", "1"), null));
        }
        Map<String, List<String>> limits = new TreeMap<>();
        limits.put("--cpus", List.of("-1", "0", "NaN", "1e309", "0.0001", "100000", "0.5.5", "Infinity"));
        limits.put("--memory", List.of("-5M", "0", "NaN", "99999999T", "1.5", "1M", "5M", "12X"));
        limits.put("--memory-high", List.of("-1", "NaN", "1e400"));
        limits.put("--pids-limit", List.of("-1", "0", "1.5", "99999999999", "NaN"));
        limits.put("--cpu-weight", List.of("0", "10001", "-5", "2.5"));
        limits.put("--cpuset-cpus", List.of("9999", "-1", "3-1", "0-99999999999", "a"));
        limits.put("--device-read-bps", List.of("/dev/nope:1M", "999:999:1M", "/dev/null:1M", "8:0:-1", "/etc/passwd:1M"));
        limits.put("--device-write-iops", List.of("/dev/nope:10", "8:0:NaN"));
        for (Map.Entry<String, List<String>> e : limits.entrySet()) {
            for (String v : e.getValue()) {
                c.add(new Case("set " + e.getKey() + " " + v, List.of(), List.of("set", "victim", e.getKey(), v), null));
                c.add(new Case("run " + e.getKey() + " " + v, List.of(), List.of("run", "-d", "--name", "lim",
                        e.getKey(), v, "--rootfs", "/nonexistent", "--", "true"), null));
            }
        }
        for (String[] roots : new String[][] {{"--procfs", "/nonexistent"}, {"--sysfs", "/nonexistent"},
                {"--procfs", tmp.resolve("a-file").toString()}, {"--sysfs", tmp.resolve("empty").toString()},
                {"--procfs", tmp.resolve("empty").toString()}}) {
            for (String cmd : List.of("ps", "stat", "freeze")) {
                List<String> a = new ArrayList<>(List.of(roots[0], roots[1], cmd));
                a.addAll(cmd.equals("stat") ? List.of("0.1", "1") : cmd.equals("freeze") ? List.of("victim") : List.of());
                c.add(new Case(cmd + " " + roots[0] + " " + roots[1], List.of(), a, null));
            }
        }
        List<String[]> dirs = new ArrayList<>();
        dirs.add(new String[] {"a file", tmp.resolve("a-file").toString()});
        if (fullState != null) {
            dirs.add(new String[] {"a full tmpfs", fullState.resolve("state").toString()});
        }
        if (roState != null) {
            dirs.add(new String[] {"a read-only tmpfs", roState.resolve("state").toString()});
        }
        for (String[] d : dirs) {
            for (List<String> a : List.of(List.of("run", "-d", "--name", "x", "--rootfs", "ROOTFS", "--", "true"),
                    List.of("stop", "x"), List.of("rm", "-f", "x"), List.of("logs", "x"), List.of("exec", "x", "--", "true"))) {
                List<String> args = new ArrayList<>(List.of("--state-dir", d[1]));
                args.addAll(a);
                c.add(new Case(a.get(0) + " with the state dir " + d[0], List.of(), args, null));
            }
        }
        for (String t : List.of("tdir", "tjunk", "tlink")) {
            for (List<String> a : List.of(List.of("freeze", t), List.of("set", t, "--pids-limit", "7"),
                    List.of("kill", t), List.of("logs", t), List.of("exec", t, "--", "true"), List.of("stop", t),
                    List.of("rm", t))) {
                c.add(new Case(a.get(0) + " on tampered state " + t, List.of(), a, "rm -f " + t));
            }
        }
        for (List<String> a : List.of(List.of("freeze", "tother"), List.of("thaw", "tother"),
                List.of("set", "tother", "--pids-limit", "7"), List.of("kill", "tother"), List.of("stop", "tother"),
                List.of("rm", "tother"), List.of("exec", "tother", "--", "true"))) {
            // each refusal says the way out (rm without -f says it of the running container first)
            c.add(new Case(a.get(0) + " on a state naming another cgroup", List.of(), a, "rm -f"));
        }
        List<String> nobody = List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--");
        for (List<String> a : List.of(List.of("run", "-d", "--name", "nr", "--rootfs", "ROOTFS", "--", "true"),
                List.of("exec", "victim", "--", "true"), List.of("set", "victim", "--pids-limit", "7"),
                List.of("freeze", "victim"), List.of("thaw", "victim"), List.of("kill", "victim"),
                List.of("stop", "victim"), List.of("rm", "victim"), List.of("rm", "-f", "victim"),
                List.of("logs", "victim"), List.of("set", "/" + berth.cgroupParent + "/victim", "--cpus", "0.5"),
                List.of("freeze", "/" + berth.cgroupParent + "/victim"),
                List.of("kill", "/" + berth.cgroupParent + "/victim"))) {
            c.add(new Case("non-root " + String.join(" ", a), nobody, a, "root"));
        }
        return c.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void oneClearLineNonZeroExitNothingChangedNoEscapeEchoed(Case c) throws Exception {
        List<String> args = new ArrayList<>();
        for (String a : c.args()) {
            args.add(a.equals("ROOTFS") ? berth.rootfs().toString() : a);
        }
        Map<String, String> before = snapshot();
        LiveBerth.Result r = berth.runAs(c.prefix(), args.toArray(String[]::new));
        Map<String, String> after = snapshot();
        assertNotEquals(0, r.exit(), r.toString());
        String cmd = args.stream().filter(a -> List.of("run", "exec", "set", "freeze", "thaw", "kill", "stop", "rm",
                "logs", "ps", "stat").contains(a)).findFirst().orElse("");
        List<String> lines = r.err().lines().toList();
        assertTrue(r.exit() == 2 ? lines.size() <= 2 : lines.size() == 1, "one line (two with a usage hint): " + r);
        assertTrue(lines.get(0).startsWith("berth " + cmd + ": ") || lines.get(0).startsWith("berth: "),
                "prefixed with the command: " + r);
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), "no Java trace: " + r);
        for (String printed : List.of(r.out(), r.err())) {
            printed.chars().filter(ch -> ch != '\n').forEach(ch -> assertFalse(Character.isISOControl(ch),
                    "control character U+" + Integer.toHexString(ch) + " printed: " + r));
        }
        if (c.mustMention() != null) {
            assertTrue(r.err().contains(c.mustMention()), "mentions \"" + c.mustMention() + "\": " + r);
        }
        assertEquals(before, after, "nothing may change");
    }

    Stream<Case> hostileProcfs() {
        List<Case> c = new ArrayList<>();
        for (String hostile : List.of("stat", "diskstats", "meminfo")) {
            String what = hostile.equals("meminfo") ? "a 300 MB meminfo" : "a FIFO as " + hostile;
            for (String cmd : List.of("ps", "stat")) {
                List<String> a = new ArrayList<>(List.of("--procfs", tmp.resolve("proc-" + hostile).toString(), cmd));
                a.addAll(cmd.equals("stat") ? List.of("0.1", "2") : List.of());
                c.add(new Case(cmd + " --procfs with " + what, List.of(), a, tmp.resolve("proc-" + hostile)
                        .resolve(hostile).toString()));
            }
        }
        return c.stream();
    }

    /**
     * A FIFO or a huge file in place of a kernel file: the command ends (within {@link LiveBerth#run}'s two
     * minutes; the FIFO used to block forever, the 300 MB file to end in OutOfMemoryError), prints no trace and no
     * control character, and changes nothing. {@code stat} shows the file's column group as {@code -}, names the
     * file on stderr once per distinct problem (not on every line) and exits 1; {@code ps} does not read it.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileProcfs")
    void aHostileKernelFileIsNamedAndNeitherHangsNorExhaustsMemory(Case c) throws Exception {
        Map<String, String> before = snapshot();
        LiveBerth.Result r = berth.run(c.args().toArray(String[]::new));
        assertEquals(before, snapshot(), "nothing may change");
        boolean ps = c.args().contains("ps");
        assertEquals(ps ? 0 : 1, r.exit(), (ps ? "ps reads no host file: " : "the rest is shown, then exit 1: ") + r);
        assertFalse(r.err().contains("Exception") || r.err().contains("Error") || r.err().contains("\tat "),
                "no Java trace: " + r);
        for (String printed : List.of(r.out(), r.err())) {
            printed.chars().filter(ch -> ch != '\n').forEach(ch -> assertFalse(Character.isISOControl(ch),
                    "control character U+" + Integer.toHexString(ch) + " printed: " + r));
        }
        List<String> errLines = r.err().lines().toList();
        String file = c.mustMention();
        if (ps) {
            assertEquals(List.of(), errLines, "ps reads no host file, so says nothing: " + r);
        } else {
            assertFalse(errLines.isEmpty(), "stat names the file it could not read: " + r);
            assertEquals(errLines.size(), errLines.stream().distinct().count(), "each warning once, not per line: " + r);
        }
        for (String l : errLines) {
            assertTrue(l.startsWith("berth " + (ps ? "ps" : "stat") + ": warning: ") && l.contains(file),
                    "a warning naming " + file + ": " + r);
        }
        if (!ps) {
            // stat's groups: cpu | memory | disk | net; the rows after the two header lines
            int group = file.endsWith("/stat") ? 0 : file.endsWith("/meminfo") ? 1 : 2;
            List<String> rows = r.out().lines().skip(2).toList();
            assertFalse(rows.isEmpty(), "stat printed no row: " + r);
            for (String row : rows) {
                String[] groups = row.split("\\|");
                assertTrue(groups.length == 4 && java.util.Arrays.stream(groups[group].trim().split("\\s+"))
                        .allMatch("-"::equals), "the " + file + " group is '-' in: " + row);
            }
        }
    }

    /** Every file under the state dir and under the test's cgroup parent, by content hash. */
    private Map<String, String> snapshot() throws IOException {
        Map<String, String> m = new TreeMap<>();
        List<Path> roots = new ArrayList<>(List.of(berth.stateDir));
        try (Stream<Path> h = Files.list(Path.of("/sys/fs/cgroup"))) {
            for (Path hierarchy : h.toList()) {
                roots.add(hierarchy.resolve(berth.cgroupParent));
            }
        }
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : s.toList()) {
                    String name = p.getFileName().toString();
                    // counters and statistics move by themselves; limits, membership and state must not
                    if (!Files.isRegularFile(p) || name.contains("stat") || name.contains("usage")
                            || name.contains("current") || name.contains("pressure") || name.contains("events")
                            || name.contains("max_usage") || name.contains("failcnt") || name.startsWith("memory.numa")
                            || name.startsWith("memory.kmem") || name.contains("peak") || !Files.isReadable(p)) {
                        continue;
                    }
                    try {
                        byte[] b = Files.readAllBytes(p);
                        m.put(p.toString(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b)));
                    } catch (IOException e) {
                        m.put(p.toString(), "unreadable");
                    } catch (java.security.NoSuchAlgorithmException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return m;
    }
}
