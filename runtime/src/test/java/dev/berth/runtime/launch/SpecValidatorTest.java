package dev.berth.runtime.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.runtime.net.IpPrefix;
import dev.berth.runtime.net.NetworkMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecValidatorTest {
    @TempDir
    Path rootfs;

    private final SpecValidator validator = new SpecValidator();

    @Test
    void aPlainSpecHasNoProblems() {
        assertEquals(List.of(), validator.problems(LaunchSpec.of(rootfs, List.of("sh"))));
    }

    @Test
    void missingCommandAndRootfsAreNamed() {
        Path missing = rootfs.resolve("nope");
        assertEquals(List.of("no command given: put it after --, e.g. berth run --rootfs DIR -- sh",
                "rootfs " + missing + ": no such directory or archive"),
                validator.problems(LaunchSpec.of(missing, List.of())));
    }

    @Test
    void badHostnameEnvWorkdirVolumeAndIpAreRefused() throws Exception {
        LaunchSpec s = LaunchSpec.of(rootfs, List.of("sh"));
        s = new LaunchSpec(s.name(), s.rootfs(), false, Optional.of("-bad-"), List.of("NOEQUALS"), Optional.of("rel/dir"),
                Optional.empty(), List.of(new Volume(rootfs.resolve("absent"), "/x", false)), NetworkMode.NONE,
                Optional.of(IpPrefix.parse("10.0.0.2/24")), List.of(), s.command(), false, false, false, false,
                s.resources(), Map.of());
        List<String> p = validator.problems(s);
        assertEquals(5, p.size(), p.toString());
        assertEquals("invalid hostname \"-bad-\": expected letters, digits, inner hyphens and dots, 64 characters at most", p.get(0));
        assertEquals("invalid environment entry \"NOEQUALS\": expected NAME=VALUE", p.get(1));
        assertEquals("invalid working directory: container path \"rel/dir\" must be absolute", p.get(2));
        assertEquals("volume " + rootfs.resolve("absent") + ":/x: host path " + rootfs.resolve("absent") + " does not exist", p.get(3));
        assertEquals("--ip needs --net veth (the container has no other interface to put it on)", p.get(4));
    }

    @Test
    void anArchiveCountsAsARootfs() throws Exception {
        Path tar = Files.createFile(rootfs.resolve("image.tar"));
        assertEquals(List.of(), validator.problems(LaunchSpec.of(tar, List.of("sh"))));
    }
}
