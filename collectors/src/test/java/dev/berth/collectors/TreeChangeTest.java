package dev.berth.collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.cgroupctl.CgroupFsProbe;
import dev.berth.cgroupctl.CgroupFsProber;
import dev.berth.collectors.TreeChange.Change;
import dev.berth.collectors.discovery.CgroupTree;
import dev.berth.collectors.testing.FakeHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the cgroup counts say the tree changed, on a hybrid fixture whose {@code /proc/cgroups} and unified
 * {@code cgroup.stat} the test writes (the fixture's directories are not a cgroup filesystem, so the kernel flag is
 * given): the discovery walks one hierarchy when every count moved along the primary's, all when one did not.
 */
class TreeChangeTest {
    @TempDir
    Path dir;

    private FakeHost host;
    private CgroupFsProbe probe;
    private String primary;
    /** controller -> count, written as /proc/cgroups with hierarchy ids 1.. in this order */
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private long unified;

    @BeforeEach
    void host() throws Exception {
        host = FakeHost.of(FakeHost.Layout.HYBRID, dir).write();
        probe = new CgroupFsProber(host.procfs(), host.sysfs()).probe();
        primary = new CgroupTree(probe).primaryController().orElseThrow();
        for (String c : probe.v1Mounts().keySet()) {
            counts.put(c, 40L);
        }
        unified = 55;
        writeCounts();
    }

    private void writeCounts() throws Exception {
        StringBuilder b = new StringBuilder("#subsys_name\thierarchy\tnum_cgroups\tenabled\n");
        int id = 1;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            b.append(e.getKey()).append('\t').append(id++).append('\t').append(e.getValue()).append("\t1\n");
        }
        b.append("rdma\t0\t1\t1\n");   // not mounted on v1: not a hierarchy
        Files.writeString(host.procfs().resolve("cgroups"), b.toString());
        Files.writeString(probe.unifiedMount().orElseThrow().resolve("cgroup.stat"),
                "nr_descendants " + unified + "\nnr_dying_descendants 3\n");
    }

    private void moveAll(long by) throws Exception {
        counts.replaceAll((c, n) -> n + by);
        unified += by;
        writeCounts();
    }

    @Test
    void countsMovingTogetherWalkThePrimaryAndOthersMovingWalkAll() throws Exception {
        assertTrue(probe.v1Mounts().size() > 1 && probe.unifiedMount().isPresent(), "a hybrid fixture");
        TreeChange t = new TreeChange(probe, Optional.of(primary), true);
        assertEquals(Change.ALONG_PRIMARY, t.changed(), "the first call has nothing to compare with");
        assertEquals(Change.NONE, t.changed());
        moveAll(+1);   // a runtime made a cgroup in every hierarchy
        assertEquals(Change.ALONG_PRIMARY, t.changed());
        assertEquals(Change.NONE, t.changed());
        moveAll(-2);
        assertEquals(Change.ALONG_PRIMARY, t.changed());
        String other = counts.keySet().stream().filter(c -> !c.equals(primary)).findFirst().orElseThrow();
        counts.merge(other, 1L, Long::sum);   // made in one other hierarchy only
        writeCounts();
        assertEquals(Change.ELSEWHERE, t.changed(), other + " moved, " + primary + " did not");
        assertEquals(Change.NONE, t.changed());
        unified++;   // a systemd unit in the unified hierarchy alone
        writeCounts();
        assertEquals(Change.ELSEWHERE, t.changed());
        counts.merge(primary, 1L, Long::sum);   // in the primary alone: walking it finds the cgroup
        writeCounts();
        assertEquals(Change.ELSEWHERE, t.changed(), "the others did not move along with it");
        Files.writeString(probe.unifiedMount().orElseThrow().resolve("cgroup.stat"),
                "nr_descendants " + unified + "\nnr_dying_descendants 9\n");
        assertEquals(Change.NONE, t.changed(), "dying cgroups going away is not a change of the tree");
    }

    @Test
    void unreadableCountsAndNonKernelTreesWalkThePrimaryEveryCall() throws Exception {
        TreeChange t = new TreeChange(probe, Optional.of(primary), true);
        t.changed();
        Files.writeString(host.procfs().resolve("cgroups"), "not /proc/cgroups\n");
        assertEquals(Change.ALONG_PRIMARY, t.changed());
        writeCounts();
        assertEquals(Change.ALONG_PRIMARY, t.changed(), "no baseline after an unreadable read");
        assertEquals(Change.NONE, t.changed());
        TreeChange fixture = new TreeChange(probe, Optional.of(primary));   // a fixture is not a cgroup filesystem
        for (int i = 0; i < 3; i++) {
            assertEquals(Change.ALONG_PRIMARY, fixture.changed());
        }
    }
}
