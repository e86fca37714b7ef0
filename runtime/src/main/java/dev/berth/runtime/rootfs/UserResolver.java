package dev.berth.runtime.rootfs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Resolves {@code -u USER[:GROUP]} against the container's own {@code /etc/passwd} and
 * {@code /etc/group}, as Docker does: numbers are taken as they are, names must exist in the
 * image; a user given without a group gets the primary group from its passwd entry (0 when a
 * numeric uid has no entry).
 */
public final class UserResolver {
    /** Resolved ids, and the home directory for {@code HOME} ({@code /} when unknown). */
    public record Ids(int uid, int gid, String home) {
    }

    private final Path rootfs;

    /** @param rootfs the container's root directory as seen from the host */
    public UserResolver(Path rootfs) {
        this.rootfs = rootfs;
    }

    /** Resolves {@code user} ({@code null} means root). */
    public Ids resolve(String user) throws RootfsException {
        if (user == null || user.isEmpty()) {
            return new Ids(0, 0, home(0).orElse("/root"));
        }
        String[] parts = user.split(":", -1);
        if (parts.length > 2 || parts[0].isEmpty() || (parts.length == 2 && parts[1].isEmpty())) {
            throw new RootfsException("invalid user \"" + user + "\": expected UID[:GID] or NAME[:GROUP]");
        }
        List<String[]> passwd = table("passwd");
        int uid;
        Optional<String[]> entry;
        if (parts[0].matches("\\d{1,9}")) {
            uid = Integer.parseInt(parts[0]);
            entry = passwd.stream().filter(e -> e.length > 3 && e[2].equals(parts[0])).findFirst();
        } else {
            entry = passwd.stream().filter(e -> e.length > 3 && e[0].equals(parts[0])).findFirst();
            if (entry.isEmpty()) {
                throw new RootfsException("user \"" + parts[0] + "\" not found in the container's /etc/passwd");
            }
            uid = number(entry.get()[2], "uid of " + parts[0]);
        }
        int gid;
        if (parts.length == 2) {
            if (parts[1].matches("\\d{1,9}")) {
                gid = Integer.parseInt(parts[1]);
            } else {
                String[] g = table("group").stream().filter(e -> e.length > 2 && e[0].equals(parts[1])).findFirst()
                        .orElseThrow(() -> new RootfsException("group \"" + parts[1] + "\" not found in the container's /etc/group"));
                gid = number(g[2], "gid of " + parts[1]);
            }
        } else {
            gid = entry.isPresent() ? number(entry.get()[3], "gid of " + parts[0]) : 0;
        }
        String home = entry.filter(e -> e.length > 5 && !e[5].isEmpty()).map(e -> e[5]).orElse(uid == 0 ? "/root" : "/");
        return new Ids(uid, gid, home);
    }

    private Optional<String> home(int uid) throws RootfsException {
        return table("passwd").stream().filter(e -> e.length > 5 && e[2].equals(Integer.toString(uid)))
                .map(e -> e[5]).filter(h -> !h.isEmpty()).findFirst();
    }

    private List<String[]> table(String name) throws RootfsException {
        Path file = rootfs.resolve("etc").resolve(name);
        try {
            // an image symlinking /etc/passwd outside itself would make us read the host's file
            if (Files.isSymbolicLink(file)) {
                return List.of();
            }
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split(":", -1)).toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new RootfsException("cannot read the container's /etc/" + name + ": " + e.getMessage(), e);
        }
    }

    private static int number(String s, String what) throws RootfsException {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new RootfsException("malformed " + what + " \"" + s + "\" in the container's /etc files", e);
        }
    }
}
