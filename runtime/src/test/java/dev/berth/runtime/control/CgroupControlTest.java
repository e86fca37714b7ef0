package dev.berth.runtime.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.CpuMax;
import dev.berth.cgroupctl.Limit;
import dev.berth.cgroupctl.Resources;
import dev.berth.cgroupctl.testing.FakeCgroupTree;
import dev.berth.runtime.limits.InvalidLimitException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CgroupControl on a fake cgroup v2 tree: refusals, the memory check, and which pids get a signal. */
class CgroupControlTest {
    static final long SELF = 4242;
    static final String WEB = "/system.slice/docker-web.scope";

    @TempDir
    Path tmp;
    FakeCgroupTree tree;
    CgroupFs fs;
    List<String> signalled = new ArrayList<>();
    CgroupControl control;

    @BeforeEach
    void setUp() throws Exception {
        tree = FakeCgroupTree.v2(tmp);
        tree.unified("/user.slice/user-0.slice/session-1.scope").file("cgroup.procs", SELF + "\n");
        tree.unified(WEB)
                .file("cgroup.procs", "100\n101\n102\n")
                .file("cpu.max", "max 100000\n")
                // the fake's files are overwritten in place, not truncated (kernfs ignores O_TRUNC, so cgroupctl
                // does not ask for it): each initial value is no longer than what the tests write over it
                .file("pids.max", "1\n")
                .file("memory.current", "104857600\n")   // 100M, of which 20M inactive page cache
                .file("memory.stat", "anon 83886080\nfile 20971520\ninactive_file 20971520\n")
                .file("memory.max", "max\n")
                .file("memory.high", "max\n");
        tree.proc(SELF, "0::/user.slice/user-0.slice/session-1.scope\n");
        fs = tree.open();
        control = new CgroupControl(fs, (pid, sig) -> signalled.add(pid + ":" + sig.name()), SELF);
    }

    @Test
    void refusesTheRootAndEveryCgroupHoldingBerth() {
        for (String path : List.of("/", "/user.slice", "/user.slice/user-0.slice", "/user.slice/user-0.slice/session-1.scope")) {
            ControlException e = assertThrows(ControlException.class, () -> control.freeze(path, Duration.ofSeconds(1)));
            if (path.equals("/")) {
                assertEquals("refusing to freeze the root cgroup: it holds every process on the host", e.getMessage());
            } else {
                assertEquals("refusing to freeze " + path + ": it contains berth itself (pid 4242 is in "
                        + "/user.slice/user-0.slice/session-1.scope)", e.getMessage());
            }
            assertThrows(ControlException.class, () -> control.kill(path, KillSignal.KILL, OptionalLong.empty(),
                    Duration.ofSeconds(1)));
            assertThrows(ControlException.class, () -> control.set(path, Resources.none().withPidsMax(Limit.of(1))));
        }
        assertEquals(List.of(), signalled);
        assertEquals("1\n", tree.unified(WEB).read("pids.max"));
    }

    @Test
    void refusesPathsThatAreNotCanonicalOrDoNotExist() {
        for (String path : List.of("system.slice", "/system.slice/../..", "/a//b", "/a/./b", "/a/")) {
            ControlException e = assertThrows(ControlException.class, () -> control.thaw(path, Duration.ofSeconds(1)));
            assertTrue(e.getMessage().startsWith("invalid cgroup path \"" + path + "\""), e.getMessage());
        }
        ControlException e = assertThrows(ControlException.class, () -> control.thaw("/nope", Duration.ofSeconds(1)));
        assertEquals("no such cgroup: /nope", e.getMessage());
    }

    @Test
    void setWritesEveryValue() throws Exception {
        control.set(WEB, Resources.none().withCpuMax(new CpuMax(Limit.of(50_000), 100_000)).withPidsMax(Limit.of(64))
                .withMemoryMax(Limit.of(90L << 20)));
        assertEquals("50000 100000", tree.unified(WEB).read("cpu.max").strip());
        assertEquals("64", tree.unified(WEB).read("pids.max").strip());
        assertEquals(Long.toString(90L << 20), tree.unified(WEB).read("memory.max").strip());
    }

    @Test
    void memoryBelowTheWorkingSetIsRefusedBeforeAnythingIsWritten() {
        InvalidLimitException e = assertThrows(InvalidLimitException.class, () -> control.set(WEB, Resources.none()
                .withCpuMax(new CpuMax(Limit.of(50_000), 100_000)).withMemoryMax(Limit.of(64L << 20))));
        assertEquals("--memory 64M is below the current usage of " + WEB + " (80.0M without reclaimable cache): "
                + "expected at least 80.0M, or max", e.getMessage());
        assertEquals("max 100000\n", tree.unified(WEB).read("cpu.max"));
        assertEquals("max\n", tree.unified(WEB).read("memory.max"));
    }

    @Test
    void anyOtherSignalGoesToEveryProcessOfAForeignCgroupOrToTheMainPid() throws Exception {
        assertEquals(3, control.kill(WEB, KillSignal.TERM, OptionalLong.empty(), Duration.ofSeconds(1)));
        assertEquals(List.of("100:TERM", "101:TERM", "102:TERM"), signalled);
        signalled.clear();
        assertEquals(1, control.kill(WEB, KillSignal.parse("HUP"), OptionalLong.of(101), Duration.ofSeconds(1)));
        assertEquals(List.of("101:HUP"), signalled);
    }
}
