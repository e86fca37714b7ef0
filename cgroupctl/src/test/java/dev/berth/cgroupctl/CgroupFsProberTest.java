package dev.berth.cgroupctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.cgroupctl.testing.FakeCgroupTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgroupFsProberTest {
    @TempDir
    Path tmp;

    private Path cg(String rel) {
        return tmp.resolve("sys/fs/cgroup").resolve(rel);
    }

    @Test
    void pureV1WithCoMountedControllers() {
        CgroupFsProbe p = FakeCgroupTree.v1(tmp).probe();
        assertEquals(Layout.V1, p.layout());
        assertEquals(cg("cpu,cpuacct"), p.v1Mounts().get("cpu"));
        assertEquals(cg("cpu,cpuacct"), p.v1Mounts().get("cpuacct"));
        assertEquals(cg("net_cls,net_prio"), p.v1Mounts().get("net_prio"));
        assertEquals(cg("systemd"), p.v1Mounts().get("name=systemd"));
        assertEquals(cg("memory"), p.v1Mounts().get("memory"));
        assertEquals(Optional.empty(), p.unifiedMount());
        assertEquals(Optional.empty(), p.unusableReason());
        assertEquals("/", p.mountRoot("memory"));
    }

    @Test
    void pureV2() {
        CgroupFsProbe p = FakeCgroupTree.v2(tmp).probe();
        assertEquals(Layout.V2, p.layout());
        assertEquals(Optional.of(cg("")), p.unifiedMount());
        assertEquals(Set.of("cpuset", "cpu", "io", "memory", "hugetlb", "pids", "rdma", "misc"),
                p.unifiedControllers());
        assertEquals(Set.of(), p.v1Mounts().keySet());
    }

    @Test
    void hybridUbuntuLayout() {
        CgroupFsProbe p = FakeCgroupTree.hybrid(tmp).probe();
        assertEquals(Layout.HYBRID, p.layout());
        assertEquals(Optional.of(cg("unified")), p.unifiedMount());
        assertEquals(Set.of(), p.unifiedControllers());
        assertEquals(cg("freezer"), p.v1Mounts().get("freezer"));
    }

    @Test
    void thisHostsCapturedMountinfoIsHybridWithSeparateCpuAndCpuacct() {
        CgroupFsProbe p = FakeCgroupTree.fromMountinfo(tmp, Fixtures.HOST_MOUNTINFO, Fixtures.HOST_PROC_CGROUPS)
                .probe();
        assertEquals(Layout.HYBRID, p.layout());
        assertEquals(cg("cpu"), p.v1Mounts().get("cpu"));
        assertEquals(cg("cpuacct"), p.v1Mounts().get("cpuacct"));
        assertEquals(Optional.of(cg("unified")), p.unifiedMount());
        assertEquals(Set.of("cpu", "cpuacct", "cpuset", "memory", "devices", "freezer", "blkio", "pids",
                "name=systemd"), p.v1Mounts().keySet());
    }

    @Test
    void keepsTheCgroupRootOfAMountInsideAContainer() {
        // Docker on v1 without a cgroup namespace: the container sees its own cgroup at the mount point.
        String root = "/docker/" + Fixtures.DOCKER_ID;
        CgroupFsProbe p = FakeCgroupTree.fromMountinfo(tmp, """
                1207 1198 0:64 / /sys ro,nosuid,nodev,noexec,relatime - sysfs sysfs ro
                1208 1207 0:65 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime - tmpfs tmpfs rw,mode=755
                1210 1208 0:28 %s /sys/fs/cgroup/memory ro,nosuid,nodev,noexec,relatime master:15 - cgroup cgroup rw,memory
                1211 1208 0:25 %s /sys/fs/cgroup/cpu,cpuacct ro,nosuid,nodev,noexec,relatime master:12 - cgroup cgroup rw,cpu,cpuacct
                """.formatted(root, root), "#subsys_name\thierarchy\tnum_cgroups\tenabled\ncpu\t2\t9\t1\n"
                + "cpuacct\t2\t9\t1\nmemory\t5\t9\t1\n").probe();
        assertEquals(Layout.V1, p.layout());
        assertEquals(root, p.mountRoot("memory"));
        assertEquals(root, p.mountRoot("cpu"));
    }

    @Test
    void mountsOutsideSysAreReRootedBelowTheSysfsParentAndEscapesAreDecoded() throws Exception {
        FakeCgroupTree t = FakeCgroupTree.fromMountinfo(tmp, """
                30 20 0:25 / /cgroup/cpu\\040set rw,relatime - cgroup cgroup rw,cpuset
                """, "#subsys_name\thierarchy\tnum_cgroups\tenabled\ncpuset\t1\t1\t1\n");
        Files.createDirectories(tmp.resolve("cgroup/cpu set"));
        CgroupFsProbe p = t.probe();
        assertEquals(Layout.V1, p.layout());
        assertEquals(tmp.resolve("cgroup/cpu set"), p.v1Mounts().get("cpuset"));
    }

    @Test
    void missingMountinfoIsNoneWithTheReason() throws Exception {
        CgroupFsProbe p = new CgroupFsProber(tmp.resolve("proc"), tmp.resolve("sys")).probe();
        assertEquals(Layout.NONE, p.layout());
        assertTrue(p.unusableReason().orElseThrow().startsWith("cannot read " + tmp.resolve("proc/self/mountinfo")),
                p.unusableReason().orElseThrow());
        NotCgroupFsException e = assertThrows(NotCgroupFsException.class, () -> CgroupFs.open(p));
        assertEquals(p.unusableReason().orElseThrow(), e.getMessage());
    }

    @Test
    void noCgroupMountIsNone() {
        CgroupFsProbe p = FakeCgroupTree.fromMountinfo(tmp,
                "22 1 0:21 / /sys rw,nosuid,nodev,noexec,relatime shared:7 - sysfs sysfs rw\n", "").probe();
        assertEquals(Layout.NONE, p.layout());
        assertTrue(p.unusableReason().orElseThrow().startsWith("no cgroup or cgroup2 filesystem mounted"));
    }

    @Test
    void aMissingMountPointIsSkippedAndNamedInTheReason() throws Exception {
        FakeCgroupTree t = FakeCgroupTree.v1(tmp);
        Files.delete(cg("freezer"));
        CgroupFsProbe p = t.probe();
        assertEquals(Layout.V1, p.layout());
        assertTrue(!p.v1Mounts().containsKey("freezer"));
        assertEquals("cgroup mount point " + cg("freezer") + " does not exist", p.unusableReason().orElseThrow());
    }

    @Test
    void withoutProcCgroupsControllersComeFromMountOptions() throws Exception {
        FakeCgroupTree t = FakeCgroupTree.v1(tmp);
        Files.delete(t.procfs().resolve("cgroups"));
        CgroupFsProbe p = t.probe();
        assertEquals(Layout.V1, p.layout());
        assertEquals(cg("cpu,cpuacct"), p.v1Mounts().get("cpu"));
        assertTrue(!p.v1Mounts().containsKey("xattr") && !p.v1Mounts().containsKey("rw"), p.v1Mounts().toString());
        assertTrue(p.unusableReason().orElseThrow().contains("controllers taken from mount options"));
    }

    @Test
    void malformedMountinfoIsNoneWithTheLine() {
        CgroupFsProbe p = FakeCgroupTree.fromMountinfo(tmp, "this is not mountinfo\n", "").probe();
        assertEquals(Layout.NONE, p.layout());
        assertTrue(p.unusableReason().orElseThrow().contains("this is not mountinfo"));
    }
}
