package dev.berth.tui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code berth run}/{@code exec} input errors: one line, the right exit code, nothing started. */
class RunCommandTest {
    @TempDir
    Path tmp;

    private CliRun berth(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, 1);
        all[1] = "--state-dir";
        all[2] = tmp.resolve("state").toString();
        all[3] = "--cgroup-parent";
        all[4] = "berth-test-runcli-" + ProcessHandle.current().pid();
        System.arraycopy(args, 1, all, 5, args.length - 1);
        return CliRun.of(all);
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        CliRun r = berth("run", "--rootfs", tmp.toString(), "--net", "bridge", "--", "sh");
        assertEquals(2, r.exit(), r.toString());
        assertEquals("berth run: Invalid value for option '--net': invalid network \"bridge\": expected none, host or veth",
                r.errLine());
        r = berth("run", "--rootfs", tmp.toString(), "-v", "relative:/x", "--", "sh");
        assertEquals(2, r.exit(), r.toString());
        assertEquals("berth run: Invalid value for option '--volume' (HOST:CTR[:ro]): invalid volume \"relative:/x\": the host path must be absolute",
                r.errLine());
        r = berth("run", "--rootfs", tmp.toString(), "--ip", "10.0.0.300/24", "--net", "veth", "--", "sh");
        assertEquals(2, r.exit(), r.toString());
        r = berth("run", "--rootfs", tmp.toString(), "--ulimit", "nofile=10:5", "--", "sh");
        assertEquals(2, r.exit(), r.toString());
        r = berth("run", "-d", "--rm", "--rootfs", tmp.toString(), "--", "sh");
        assertEquals(2, r.exit(), r.toString());
        assertEquals("berth run: --rm works in the foreground only (remove a detached container with 'berth rm')", r.errLine());
        r = berth("run", "--", "sh");
        assertEquals(2, r.exit(), r.toString());
        assertEquals("berth run: Missing required option: '--rootfs=DIR|TAR'", r.errLine());
        r = berth("run", "--rootfs", tmp.toString(), "--security-opt", "seccomp=/etc/profile.json", "--", "sh");
        assertEquals(2, r.exit(), r.toString());
        assertEquals("berth run: Invalid value for option '--security-opt': invalid security option "
                + "\"seccomp=/etc/profile.json\": expected seccomp=unconfined or seccomp=default (profile files are not "
                + "supported)", r.errLine());
    }

    @Test
    void dataErrorsNameTheValueAndExitOne() {
        CliRun r = berth("run", "--rootfs", tmp.resolve("absent").toString(), "--", "sh");
        assertEquals(1, r.exit(), r.toString());
        assertEquals("berth run: rootfs " + tmp.resolve("absent") + ": no such directory or archive", r.errLine());
        r = berth("run", "--rootfs", tmp.toString());
        assertEquals(1, r.exit(), r.toString());
        assertEquals("berth run: no command given: put it after --, e.g. berth run --rootfs DIR -- sh", r.errLine());
        r = berth("run", "--rootfs", tmp.toString(), "--ip", "10.0.0.2/24", "--", "sh");
        assertEquals(1, r.exit(), r.toString());
        assertEquals("berth run: --ip needs --net veth (the container has no other interface to put it on)", r.errLine());
        r = berth("exec", "no-such-container", "--", "sh");
        assertEquals(1, r.exit(), r.toString());
        assertEquals("berth exec: no such container: no-such-container", r.errLine());
    }

    /** Issue 10: "-e =x" was dropped without a word; exec already refused it. */
    @Test
    void anEnvironmentEntryWithoutANameIsAUsageError() {
        for (String bad : new String[] {"=x", "", "="}) {
            CliRun r = berth("run", "-e", bad, "--rootfs", tmp.toString(), "--", "sh");
            assertEquals(2, r.exit(), r.toString());
            assertEquals("berth run: invalid environment entry \"" + bad + "\": expected NAME=VALUE or NAME (the name is "
                    + "empty)", r.errLine());
        }
    }
}
