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

    @Test
    void dockerImageIsTheConfigsImageAsTheUserNamedIt() throws Exception {
        Path f = dir.resolve("var/lib/docker/containers/" + ID + "/config.v2.json");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "{\"ID\":\"" + ID + "\",\"Name\":\"/web\",\"Image\":\"sha256:4f2a\","
                + "\"Config\":{\"Hostname\":\"0123\",\"Image\":\"nginx:1.25\"}}");
        RuntimeNames names = new RuntimeNames(dir);
        assertEquals(Optional.of("nginx:1.25"), names.dockerImage(ID));
        assertEquals(Optional.of("web"), names.docker(ID));
    }

    @Test
    void dockerWithoutConfigImageHasNoImage() throws Exception {
        Path f = dir.resolve("var/lib/docker/containers/" + ID + "/config.v2.json");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "{\"Name\":\"/web\",\"Config\":{\"Image\":\"\"}}");
        assertEquals(Optional.empty(), new RuntimeNames(dir).dockerImage(ID));
        assertEquals(Optional.empty(), new RuntimeNames(dir).dockerImage("ff" + ID.substring(2)));
    }

    @Test
    void podmanImageIsImageNameOfTheMetadataString() throws Exception {
        Path f = dir.resolve("var/lib/containers/storage/overlay-containers/containers.json");
        Files.createDirectories(f.getParent());
        String other = "ff" + ID.substring(2);
        // containers.json as containers/storage writes it: podman's metadata is JSON inside a string
        Files.writeString(f, "[{\"id\":\"" + ID + "\",\"names\":[\"db\"],\"image\":\"9c6f0724\",\"layer\":\"ab\","
                + "\"metadata\":\"{\\\"image-name\\\":\\\"docker.io/library/postgres:16\\\",\\\"image-id\\\":"
                + "\\\"9c6f0724\\\",\\\"name\\\":\\\"db\\\",\\\"created-at\\\":1764550000}\"},"
                + "{\"id\":\"" + other + "\",\"names\":[\"buildah-working\"],\"metadata\":\"not json\"}]");
        RuntimeNames names = new RuntimeNames(dir);
        assertEquals(Optional.of("docker.io/library/postgres:16"), names.podmanImage(ID));
        assertEquals(Optional.of("db"), names.podman(ID));
        assertEquals(Optional.empty(), names.podmanImage(other));
        assertEquals(Optional.of("buildah-working"), names.podman(other));
    }
}
