package dev.berth.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.collectors.ContainerIdentity;
import dev.berth.collectors.ContainerRuntime;
import dev.berth.collectors.discovery.RuntimeNames;
import dev.berth.runtime.ContainerId;
import dev.berth.runtime.ContainerName;
import dev.berth.runtime.state.ContainerRecord;
import dev.berth.runtime.state.SpecSummary;
import dev.berth.runtime.state.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerImagesTest {
    static final String ID = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;

    StateStore store() {
        return new StateStore(dir.resolve("state"));
    }

    ContainerImages images() {
        return new ContainerImages(new RuntimeNames(dir.resolve("root")), store());
    }

    static ContainerIdentity identity(String id, String name, ContainerRuntime runtime, String cgroup) {
        return new ContainerIdentity(id, name, runtime, cgroup, Optional.empty(), List.of(), Optional.empty());
    }

    void own(String name, String rootfs) throws Exception {
        ContainerName n = ContainerName.of(name);
        SpecSummary spec = new SpecSummary(List.of("sh"), rootfs, false, null, "none", null, null, null, List.of(),
                List.of(), false, true, Map.of());
        ContainerRecord r = ContainerRecord.created(n, ContainerId.random(), spec, "/berth/" + name,
                Instant.parse("2026-12-01T00:00:00Z"), Path.of("/var/lib/berth/.images/x"), null, null,
                store().logPath(n));
        if (Files.isDirectory(store().containerDir(n))) {
            store().save(r);
        } else {
            store().create(r);
        }
    }

    @Test
    void berthContainerImageIsItsRootfsArgument() throws Exception {
        own("web", "/srv/images/debian-12.tar");
        assertEquals(Optional.of("/srv/images/debian-12.tar"),
                images().image(identity("web", "web", ContainerRuntime.BERTH, "/berth/web")));
    }

    @Test
    void berthContainerWithoutStateOrWithCorruptStateHasNoImage() throws Exception {
        ContainerImages images = images();
        assertEquals(Optional.empty(), images.image(identity("gone", "gone", ContainerRuntime.BERTH, "/berth/gone")));
        Path f = store().containerDir(ContainerName.of("bad")).resolve(StateStore.STATE_FILE);
        Files.createDirectories(f.getParent());
        Files.writeString(f, "{\"name\":");
        assertEquals(Optional.empty(), images.image(identity("bad", "bad", ContainerRuntime.BERTH, "/berth/bad")));
    }

    @Test
    void berthStateIsReadAgainWhenItChanges() throws Exception {
        own("web", "/srv/a");
        ContainerImages images = images();
        ContainerIdentity web = identity("web", "web", ContainerRuntime.BERTH, "/berth/web");
        assertEquals(Optional.of("/srv/a"), images.image(web));
        own("web", "/srv/b");
        Path f = store().containerDir(ContainerName.of("web")).resolve(StateStore.STATE_FILE);
        Files.setLastModifiedTime(f, FileTime.fromMillis(Files.getLastModifiedTime(f).toMillis() + 5000));
        assertEquals(Optional.of("/srv/b"), images.image(web));
    }

    @Test
    void dockerImageFromItsConfigAndNoneForPlainCgroupsOrUnits() throws Exception {
        Path f = dir.resolve("root/var/lib/docker/containers/" + ID + "/config.v2.json");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "{\"Name\":\"/web\",\"Config\":{\"Image\":\"nginx:1.25\"}}");
        ContainerImages images = images();
        assertEquals(Optional.of("nginx:1.25"), images.image(identity(ID, "web", ContainerRuntime.DOCKER,
                "/system.slice/docker-" + ID + ".scope")));
        // a systemd unit or plain cgroup named like a berth container is not one: its image is not looked up
        own("web", "/srv/a");
        assertEquals(Optional.empty(), images.image(identity("/web", "/web", ContainerRuntime.CGROUP, "/web")));
        assertEquals(Optional.empty(), images.image(identity("web.service", "web.service", ContainerRuntime.SYSTEMD,
                "/system.slice/web.service")));
    }
}
