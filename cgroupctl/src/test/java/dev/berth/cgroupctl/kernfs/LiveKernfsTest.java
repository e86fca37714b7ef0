package dev.berth.cgroupctl.kernfs;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.cgroupctl.CgroupGoneException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The kernel's answer for a cgroup removed while one of its files is open, as the JDK reports it, must map to
 * {@link CgroupGoneException}. Root only; uses a directory {@code berth-test-<pid>-enodev} in the cgroup2 hierarchy.
 */
@Tag("privileged")
class LiveKernfsTest {
    @Test
    void readingAFileOfARemovedCgroupIsGone() throws Exception {
        Path unified = Path.of("/sys/fs/cgroup/unified");
        if (!Files.exists(unified.resolve("cgroup.procs"))) {
            unified = Path.of("/sys/fs/cgroup");
        }
        assumeTrue("root".equals(System.getProperty("user.name")) && Files.exists(unified.resolve("cgroup.procs"))
                && Files.isWritable(unified), "needs root and a cgroup2 hierarchy");
        Path dir = unified.resolve("berth-test-" + ProcessHandle.current().pid() + "-enodev");
        Files.createDirectory(dir);
        IOException answer;
        try (InputStream in = Files.newInputStream(dir.resolve("cpu.stat"))) {
            Files.delete(dir);
            answer = assertThrows(IOException.class, in::readAllBytes);
        } finally {
            Files.deleteIfExists(dir);
        }
        System.out.println("LIVE read of a removed cgroup's open file: " + answer);
        assertInstanceOf(CgroupGoneException.class, new CgroupDir(dir).readError(dir.resolve("cpu.stat"), answer));
        assertThrows(CgroupGoneException.class, () -> new CgroupDir(dir).readString("cpu.stat"));
    }
}
