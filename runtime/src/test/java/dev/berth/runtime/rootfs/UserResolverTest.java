package dev.berth.runtime.rootfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserResolverTest {
    @TempDir
    Path root;
    private UserResolver resolver;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\nweb:x:1000:1001::/home/web:/bin/sh\n");
        Files.writeString(root.resolve("etc/group"), "root:x:0:\nweb:x:1001:\nstaff:x:50:\n");
        resolver = new UserResolver(root);
    }

    @Test
    void resolvesNamesNumbersAndDefaults() throws Exception {
        assertEquals(new UserResolver.Ids(0, 0, "/root"), resolver.resolve(null));
        assertEquals(new UserResolver.Ids(1000, 1001, "/home/web"), resolver.resolve("web"));
        assertEquals(new UserResolver.Ids(1000, 50, "/home/web"), resolver.resolve("web:staff"));
        assertEquals(new UserResolver.Ids(1000, 1001, "/home/web"), resolver.resolve("1000"));
        assertEquals(new UserResolver.Ids(4242, 0, "/"), resolver.resolve("4242"));
        assertEquals(new UserResolver.Ids(4242, 7, "/"), resolver.resolve("4242:7"));
    }

    @Test
    void unknownNamesAreErrorsNamingTheFile() {
        assertEquals("user \"nobody\" not found in the container's /etc/passwd",
                assertThrows(RootfsException.class, () -> resolver.resolve("nobody")).getMessage());
        assertEquals("group \"wheel\" not found in the container's /etc/group",
                assertThrows(RootfsException.class, () -> resolver.resolve("web:wheel")).getMessage());
        assertThrows(RootfsException.class, () -> resolver.resolve("a:b:c"));
    }
}
