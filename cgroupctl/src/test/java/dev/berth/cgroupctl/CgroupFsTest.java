package dev.berth.cgroupctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.cgroupctl.testing.FakeCgroupTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tree-level operations on fake hosts: listing, paths, /proc/<pid>/cgroup, create and remove. */
class CgroupFsTest {
    @TempDir
    Path tmp;

    @Test
    void listsEveryCgroupSortedRootFirst() throws Exception {
        Fixtures.Scenario s = V2Fixtures.v2DockerSystemd();
        CgroupFs fs = s.tree().apply(tmp).open();
        assertEquals(List.of("/", "/system.slice", s.path()), fs.listCgroups());
    }

    @Test
    void listsTheUnionOfAllHierarchiesOnHybridHosts() throws Exception {
        FakeCgroupTree t = FakeCgroupTree.hybrid(tmp);
        t.v1("memory", "/docker/a");
        t.unified("/user.slice/user-1000.slice");
        assertEquals(List.of("/", "/docker", "/docker/a", "/user.slice", "/user.slice/user-1000.slice"),
                t.open().listCgroups());
    }

    @Test
    void normalisesPathsAndRefusesThoseEscapingTheRoot() throws Exception {
        CgroupFs fs = FakeCgroupTree.v2(tmp).open();
        assertEquals("/a/c", fs.cgroup("a/./b/../c/").path());
        assertEquals("/", fs.cgroup("").path());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fs.cgroup("/a/../../etc"));
        assertEquals("invalid cgroup path \"/a/../../etc\": escapes the cgroup root", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FakeCgroupTree.hybrid(tmp.resolve("h")).open()
                .cgroup("../x"));
    }

    @Test
    void readsProcCgroupOfACapturedHybridProcess() throws Exception {
        CgroupFs fs = Fixtures.hostHybrid().tree().apply(tmp).open();
        ProcCgroup pc = fs.readProcCgroup(8411);
        assertEquals(10, pc.entries().size());
        assertEquals(new ProcCgroup.Entry(9, List.of("name=systemd"), "/"), pc.entries().get(0));
        assertEquals("/berth-capture", pc.primaryPath());
        assertEquals(Optional.of("/"), pc.controllerPath("devices"));
        assertEquals(Optional.of("/berth-capture"), pc.unifiedPath());
    }

    @Test
    void primaryPathOfV1AndV2Processes() throws Exception {
        Fixtures.Scenario v1 = Fixtures.v1DockerCgroupfs();
        assertEquals(v1.path(), v1.tree().apply(tmp.resolve("a")).open().readProcCgroup(2817).primaryPath());
        assertEquals(Optional.of(v1.path()), v1.tree().apply(tmp.resolve("b")).open().readProcCgroup(2817)
                .controllerPath("cpuacct"));
        Fixtures.Scenario v2 = V2Fixtures.v2Lxc();
        assertEquals("/lxc.payload.web", v2.tree().apply(tmp.resolve("c")).open().readProcCgroup(3120).primaryPath());
    }

    @Test
    void procCgroupOfAnExitedProcessIsGoneAndBadContentIsMalformed() throws Exception {
        FakeCgroupTree t = FakeCgroupTree.v2(tmp);
        CgroupFs fs = t.open();
        assertThrows(CgroupGoneException.class, () -> fs.readProcCgroup(999_999));
        t.proc(77, "no colons here\n");
        MalformedCgroupFileException e = assertThrows(MalformedCgroupFileException.class, () -> fs.readProcCgroup(77));
        assertEquals("no colons here", e.line());
        assertThrows(IllegalArgumentException.class, () -> fs.readProcCgroup(0));
    }

    @Test
    void cgroupOfTranslatesKernelPathsBelowAContainersMountRoot() throws Exception {
        String id = "/docker/" + Fixtures.DOCKER_ID;
        FakeCgroupTree t = FakeCgroupTree.fromMountinfo(tmp, """
                1210 1208 0:28 %s /sys/fs/cgroup/memory ro,nosuid,nodev,noexec,relatime master:15 - cgroup cgroup rw,memory
                """.formatted(id), "#subsys_name\thierarchy\tnum_cgroups\tenabled\nmemory\t5\t9\t1\n");
        t.proc(1, "4:memory:" + id + "\n");
        t.proc(7, "4:memory:" + id + "/sub\n");
        CgroupFs fs = t.open();
        assertEquals("/", fs.cgroupOf(fs.readProcCgroup(1)).path());
        assertEquals("/sub", fs.cgroupOf(fs.readProcCgroup(7)).path());
        CgroupFs host = Fixtures.hostHybrid().tree().apply(tmp.resolve("host")).open();
        assertEquals("/berth-capture", host.cgroupOf(host.readProcCgroup(8411)).path());
    }

    @Test
    void createMakesTheCgroupInEveryHierarchyAndRemoveTakesItOutOfEvery() throws Exception {
        FakeCgroupTree t = FakeCgroupTree.hybrid(tmp);
        CgroupFs fs = t.open();
        Cgroup c = fs.create("/berth/web");
        assertTrue(c.exists());
        for (String h : Fixtures.V1_DIRS) {
            assertTrue(Files.isDirectory(tmp.resolve("sys/fs/cgroup/" + h + "/berth/web")), h);
        }
        assertTrue(Files.isDirectory(tmp.resolve("sys/fs/cgroup/unified/berth/web")));
        fs.remove("/berth");
        assertFalse(c.exists());
        assertFalse(Files.exists(tmp.resolve("sys/fs/cgroup/unified/berth")));
        fs.remove("/berth"); // removing what is gone is not an error
        assertThrows(IllegalArgumentException.class, () -> fs.remove("/"));
    }

    @Test
    void v2CreateMakesNestedCgroups() throws Exception {
        CgroupFs fs = FakeCgroupTree.v2(tmp).open();
        fs.create("/berth.slice/web");
        assertEquals(List.of("/", "/berth.slice", "/berth.slice/web"), fs.listCgroups());
        fs.remove("/berth.slice");
        assertEquals(List.of("/"), fs.listCgroups());
    }

    @Test
    void v2CreateEnablesOnEveryAncestorWhatThatAncestorHasAlsoWhereTheParentExisted() throws Exception {
        FakeCgroupTree t = FakeCgroupTree.v2(tmp);
        t.unified("/").file("cgroup.subtree_control", "");
        // made earlier, when only cpu and pids were delegated to it; memory and io have come since
        FakeCgroupTree.Dir berth = t.unified("/berth").file("cgroup.controllers", "cpu io memory pids\n")
                .file("cgroup.subtree_control", "");
        t.open().create("/berth/web");
        // a plain file takes the last write: each controller is written on its own, as the kernel takes them
        assertEquals("+pids", berth.read("cgroup.subtree_control"));
        assertEquals("+misc", t.unified("/").read("cgroup.subtree_control"));
    }

    @Test
    void readingACgroupThatDoesNotExistIsGone() throws Exception {
        assertThrows(CgroupGoneException.class, () -> FakeCgroupTree.hybrid(tmp).open().cgroup("/nope").readProcs());
        assertThrows(CgroupGoneException.class,
                () -> FakeCgroupTree.v2(tmp.resolve("v2")).open().cgroup("/nope").readMemory());
    }
}
