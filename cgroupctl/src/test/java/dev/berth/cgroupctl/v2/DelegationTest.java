package dev.berth.cgroupctl.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.cgroupctl.Cgroup;
import dev.berth.cgroupctl.ControllerUnavailableException;
import dev.berth.cgroupctl.Limit;
import dev.berth.cgroupctl.testing.FakeCgroupTree;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A v2 cgroup without a controller's files says why: not delegated to the root of the visible hierarchy, or not
 * enabled by the nearest cgroup that has it. The tree is that of a systemd service with {@code Delegate=yes} seen
 * through its cgroup namespace: the root offers cpu, io, memory and pids, not cpuset.
 */
class DelegationTest {
    @TempDir
    Path tmp;

    private Cgroup tree() throws Exception {
        FakeCgroupTree t = FakeCgroupTree.v2(tmp);
        t.unified("/").file("cgroup.controllers", "cpu io memory pids\n");
        t.unified("/berth").file("cgroup.controllers", "cpu io memory pids\n");
        t.unified("/berth/web").file("cgroup.controllers", "cpu\n").file("cpu.max", "max 100000\n");
        return t.open().cgroup("/berth/web");
    }

    @Test
    void aControllerNoAncestorHasIsNotDelegated() throws Exception {
        ControllerUnavailableException e = assertThrows(ControllerUnavailableException.class,
                () -> tree().readCpuset());
        assertEquals("the cpuset controller is not delegated to / (its cgroup.controllers: cpu io memory pids): "
                + tmp.resolve("sys/fs/cgroup/berth/web/cpuset.cpus"), e.getMessage());
    }

    @Test
    void aControllerTheParentHasButDidNotEnableNamesTheParent() throws Exception {
        ControllerUnavailableException e = assertThrows(ControllerUnavailableException.class,
                () -> tree().writeMemoryMax(Limit.of(1L << 30)));
        assertEquals("the memory controller is not enabled in /berth's cgroup.subtree_control, so /berth/web has "
                + "no memory files: "
                + tmp.resolve("sys/fs/cgroup/berth/web/memory.max"), e.getMessage());
    }
}
