package dev.berth.cgroupctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The v1 devices allow-list on this host: what the kernel lists, what a member process may open, a refusal. */
@Tag("privileged")
class LiveDevicesTest extends LiveCgroupSupport {
    private Path devicesDir(String cgroup) {
        return fs.probe().v1Mounts().get("devices").resolve(cgroup.substring(1));
    }

    @Test
    void allowListReplacesTheInheritedListAndBindsAMemberProcess() throws Exception {
        assumeTrue(fs.probe().v1Mounts().containsKey("devices"), "no v1 devices controller on this host");
        Cgroup c = fs.create(parent + "/dev");
        List<DeviceRule> rules = List.of(DeviceRule.any(DeviceRule.Type.BLOCK, "m"), DeviceRule.character(1, 3, "rwm"));
        c.writeDevicesAllowList(rules);
        assertEquals(List.of("b *:* m", "c 1:3 rwm"),
                Files.readAllLines(devicesDir(parent + "/dev").resolve("devices.list")).stream().sorted().toList());
        // a process moved in before it opens anything: /dev/null is allowed, /dev/zero (1:5) is not
        Process p = new ProcessBuilder("sh", "-c", "read go; head -c1 /dev/null && echo null=ok;"
                + " if head -c1 /dev/zero > /dev/null 2>&1; then echo zero=opened; else echo zero=refused; fi")
                .redirectErrorStream(true).start();
        started.add(p);
        c.addProcess(p.pid());
        release(p);
        assertTrue(p.waitFor(10, TimeUnit.SECONDS), "the member process did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals("null=ok\nzero=refused\n", out);
    }

    @Test
    void aRuleTheParentDoesNotAllowIsRefusedWithTheFileAndValue() throws Exception {
        assumeTrue(fs.probe().v1Mounts().containsKey("devices"), "no v1 devices controller on this host");
        Cgroup top = fs.create(parent + "/top");
        top.writeDevicesAllowList(List.of(DeviceRule.character(1, 3, "rwm")));
        Cgroup child = fs.create(parent + "/top/child");
        CgroupWriteException e = assertThrows(CgroupWriteException.class,
                () -> child.writeDevicesAllowList(List.of(DeviceRule.character(1, 5, "rwm"))));
        assertTrue(e.getMessage().contains("devices.allow") && e.getMessage().contains("c 1:5 rwm"), e.getMessage());
        // never more than asked: the deny came first
        assertEquals("", Files.readString(devicesDir(parent + "/top/child").resolve("devices.list")).strip());
    }
}
