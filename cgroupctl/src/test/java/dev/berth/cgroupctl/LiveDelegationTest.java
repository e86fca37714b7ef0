package dev.berth.cgroupctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.cgroupctl.format.ListFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * berth in a delegated v2 subtree, as systemd hands one to a service with {@code Delegate=yes} or a container
 * runtime to a container with its own cgroup namespace: only some controllers come down. The v2 guest's
 * delegated variant ({@code v2vm.sh --nsdelegate}: cpu, io, memory and pids delegated, cpuset not) runs it; it
 * skips where every controller berth writes is delegated to the root of the visible hierarchy.
 */
@Tag("privileged")
class LiveDelegationTest extends LiveCgroupSupport {
    private static final List<String> BERTH_WRITES = List.of("cpu", "cpuset", "io", "memory", "pids");

    @Test
    void delegatedControllersAreEnabledForBerthAndTheOthersAreReportedAsNotDelegated() throws Exception {
        assumeTrue(fs.probe().layout() == Layout.V2, "needs pure cgroup v2; this host is " + fs.probe().layout());
        Path root = fs.probe().unifiedMount().orElseThrow();
        List<String> delegated = ListFormat.parseWords(Files.readString(root.resolve("cgroup.controllers")));
        List<String> missing = new ArrayList<>(BERTH_WRITES);
        missing.removeAll(delegated);
        assumeTrue(!missing.isEmpty(), "every controller berth writes is delegated here: " + delegated);
        System.out.println("LIVE delegation: the hierarchy's root offers " + delegated + "; not delegated "
                + missing + "; this process is in " + Files.readString(Path.of("/proc/self/cgroup")).strip());

        Cgroup c = fs.create(parent + "/c");
        Process p = spawnGated("sleep 60");
        c.addProcess(p.pid());
        // berth enabled on its own parents what the root offers, as runc does: the delegated limits work.
        if (delegated.contains("cpu")) {
            c.writeCpuMax(CpuMax.ofCores(0.5, 100_000));
            assertEquals(CpuMax.ofCores(0.5, 100_000), c.readCpuMax());
        }
        if (delegated.contains("memory")) {
            c.writeMemoryMax(Limit.of(64L << 20));
            assertEquals(Limit.of(64L << 20), c.readMemory().maxBytes());
        }
        if (delegated.contains("pids")) {
            c.writePidsMax(Limit.of(32));
            assertEquals(new PidsUsage(1, Limit.of(32)), c.readPids());
        }
        // ... and the rest is refused, naming the controller and where the delegation stops.
        String first = missing.get(0);
        ControllerUnavailableException e = assertThrows(ControllerUnavailableException.class, () -> {
            switch (first) {
                case "cpu" -> c.writeCpuMax(CpuMax.ofCores(0.5, 100_000));
                case "cpuset" -> c.apply(Resources.none().withCpusetCpus("0"));
                case "io" -> c.readIoLimits();
                case "memory" -> c.writeMemoryMax(Limit.of(64L << 20));
                default -> c.writePidsMax(Limit.of(32));
            }
        });
        System.out.println("LIVE delegation: writing a " + first + " limit: " + e.getMessage());
        assertTrue(e.getMessage().contains("the " + first + " controller is not delegated to /"), e.getMessage());
    }
}
