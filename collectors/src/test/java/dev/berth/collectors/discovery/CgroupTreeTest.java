package dev.berth.collectors.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.cgroupctl.CgroupFs;
import dev.berth.cgroupctl.CgroupFsProber;
import dev.berth.cgroupctl.Layout;
import dev.berth.collectors.testing.FakeHost;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The link-count walker must list exactly what cgroupctl's full walk lists. */
class CgroupTreeTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(FakeHost.Layout.class)
    void sameAsFullWalkOnFixtures(FakeHost.Layout layout) throws Exception {
        FakeHost h = FakeHost.of(layout, dir);
        h.container("/system.slice/docker-" + "a".repeat(64) + ".scope").pids(5);
        h.container("/lxc.payload.box").pids();
        h.container("/lxc.payload.box/init.scope").pids(6);
        h.container("/cpu.odd").pids(7);      // a cgroup named like a control file is still found
        h.cgroup("/user.slice/user-0.slice").write();
        CgroupFs fs = CgroupFs.open(new CgroupFsProber(h.procfs(), h.sysfs()).probe());
        assertEquals(fs.listCgroups(), new CgroupTree(fs.probe()).list());
        assertTrue(new CgroupTree(fs.probe()).list().contains("/cpu.odd"));
    }

    @Test
    void sameAsFullWalkOnThisHost() throws Exception {
        var probe = new CgroupFsProber(Path.of("/proc"), Path.of("/sys")).probe();
        if (probe.layout() == Layout.NONE || !Files.isDirectory(Path.of("/sys/fs/cgroup"))) {
            return;   // no cgroupfs to compare with (a minimal container); the fixture test covers the logic
        }
        CgroupFs fs = CgroupFs.open(probe);
        // Other processes may create or remove cgroups meanwhile, so no single comparison can be exact. Bracket the
        // fast walk between two full walks: every cgroup present in both full walks existed throughout and must be
        // found; nothing may be found that neither full walk saw.
        var before = new java.util.TreeSet<>(fs.listCgroups());
        var fast = new java.util.TreeSet<>(new CgroupTree(probe).list());
        var after = new java.util.TreeSet<>(fs.listCgroups());
        var stable = new java.util.TreeSet<>(before);
        stable.retainAll(after);
        var seen = new java.util.TreeSet<>(before);
        seen.addAll(after);
        var missed = new java.util.TreeSet<>(stable);
        missed.removeAll(fast);
        var invented = new java.util.TreeSet<>(fast);
        invented.removeAll(seen);
        assertTrue(missed.isEmpty(), "cgroups present throughout but not found: " + missed);
        assertTrue(invented.isEmpty(), "found but in neither full walk: " + invented);
        assertTrue(fast.contains("/"), "the root is listed");
    }
}
