package dev.berth.collectors.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.collectors.testing.FakeHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeNamesTest {
    static final String ID = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;

    @Test
    void dockerNameWithoutLeadingSlash() {
        FakeHost.v2(dir).dockerName(ID, "web");
        assertEquals(Optional.of("web"), new RuntimeNames(dir).docker(ID));
        assertEquals(Optional.empty(), new RuntimeNames(dir).docker("ff" + ID.substring(2)));
    }

    @Test
    void podmanNameFromStorage() {
        FakeHost.v2(dir).podmanName(ID, "db");
        assertEquals(Optional.of("db"), new RuntimeNames(dir).podman(ID));
    }

    @Test
    void renamedContainerIsReReadWhenTheFileChanges() throws Exception {
        FakeHost h = FakeHost.v2(dir).dockerName(ID, "old");
        RuntimeNames names = new RuntimeNames(dir);
        assertEquals(Optional.of("old"), names.docker(ID));
        h.dockerName(ID, "new");
        Path f = dir.resolve("var/lib/docker/containers/" + ID + "/config.v2.json");
        Files.setLastModifiedTime(f, FileTime.fromMillis(Files.getLastModifiedTime(f).toMillis() + 5000));
        assertEquals(Optional.of("new"), names.docker(ID));
    }

    @Test
    void garbageMeansNoName() throws Exception {
        Path f = dir.resolve("var/lib/docker/containers/" + ID + "/config.v2.json");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "{not json");
        assertEquals(Optional.empty(), new RuntimeNames(dir).docker(ID));
    }
}
