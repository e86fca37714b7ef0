package dev.berth.collectors.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.collectors.ContainerRuntime;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CgroupClassifierTest {
    static final String ID = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    static final String UID = "a1b2c3d4-0000-1111-2222-333344445555";

    static Stream<Arguments> layouts() {
        return Stream.of(
                Arguments.of("/docker/" + ID, ContainerRuntime.DOCKER, ID, null, null),
                Arguments.of("/system.slice/docker-" + ID + ".scope", ContainerRuntime.DOCKER, ID, null, null),
                Arguments.of("/kubepods/burstable/pod" + UID + "/" + ID, ContainerRuntime.KUBERNETES, ID, null, UID),
                Arguments.of("/kubepods/pod" + UID + "/" + ID, ContainerRuntime.KUBERNETES, ID, null, UID),
                Arguments.of("/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod"
                        + UID.replace('-', '_') + ".slice/cri-containerd-" + ID + ".scope",
                        ContainerRuntime.KUBERNETES, ID, null, UID),
                Arguments.of("/kubepods.slice/kubepods-pod" + UID.replace('-', '_') + ".slice/crio-" + ID + ".scope",
                        ContainerRuntime.KUBERNETES, ID, null, UID),
                Arguments.of("/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod"
                        + UID.replace('-', '_') + ".slice/docker-" + ID + ".scope",
                        ContainerRuntime.KUBERNETES, ID, null, UID),
                Arguments.of("/machine.slice/libpod-" + ID + ".scope", ContainerRuntime.PODMAN, ID, null, null),
                Arguments.of("/libpod_parent/libpod-" + ID, ContainerRuntime.PODMAN, ID, null, null),
                Arguments.of("/machine.slice/libpod-conmon-" + ID + ".scope", ContainerRuntime.SYSTEMD,
                        "libpod-conmon-" + ID + ".scope", "libpod-conmon-" + ID + ".scope", null),
                Arguments.of("/lxc.payload.web1", ContainerRuntime.LXC, "web1", "web1", null),
                Arguments.of("/lxc/web1", ContainerRuntime.LXC, "web1", "web1", null),
                Arguments.of("/lxc.monitor.web1", ContainerRuntime.CGROUP, "/lxc.monitor.web1", "/lxc.monitor.web1",
                        null),
                Arguments.of("/machine.slice/machine-my\\x2dbox.scope", ContainerRuntime.NSPAWN, "my-box", "my-box",
                        null),
                Arguments.of("/berth/db", ContainerRuntime.BERTH, "db", "db", null),
                Arguments.of("/system.slice/ssh.service", ContainerRuntime.SYSTEMD, "ssh.service", "ssh.service", null),
                Arguments.of("/user.slice", ContainerRuntime.SYSTEMD, "user.slice", "user.slice", null),
                Arguments.of("/docker", ContainerRuntime.CGROUP, "/docker", "/docker", null),
                Arguments.of("/docker/not-an-id", ContainerRuntime.CGROUP, "/docker/not-an-id", "/docker/not-an-id",
                        null),
                Arguments.of("/process_api/76f2485b", ContainerRuntime.CGROUP, "/process_api/76f2485b",
                        "/process_api/76f2485b", null),
                Arguments.of("/", ContainerRuntime.CGROUP, "/", "/", null));
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void classifies(String path, ContainerRuntime runtime, String id, String name, String pod) {
        Classification c = CgroupClassifier.classify(path);
        assertEquals(runtime, c.runtime(), path);
        assertEquals(id, c.id(), path);
        assertEquals(Optional.ofNullable(name), c.name(), path);
        assertEquals(Optional.ofNullable(pod), c.pod(), path);
    }

    @org.junit.jupiter.api.Test
    void berthUnderAnotherParent() {
        Classification c = CgroupClassifier.classify("/machine.slice/berth/db", "/machine.slice/berth");
        assertEquals(ContainerRuntime.BERTH, c.runtime());
        assertEquals("db", c.id());
        assertEquals(ContainerRuntime.CGROUP, CgroupClassifier.classify("/berth/db", "/other").runtime());
        assertEquals(ContainerRuntime.CGROUP,
                CgroupClassifier.classify("/machine.slice/berth/db/sub", "/machine.slice/berth").runtime());
    }

    @org.junit.jupiter.api.Test
    void unescape() {
        assertEquals("a-b c", CgroupClassifier.unescape("a\\x2db\\x20c"));
        assertEquals("plain", CgroupClassifier.unescape("plain"));
        assertEquals("trailing\\x2", CgroupClassifier.unescape("trailing\\x2"));
    }
}
