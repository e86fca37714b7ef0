package dev.berth.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Who berth runs as: the effective uid from {@code Uid:} of {@code /proc/self/status} (berth's own process,
 * so the real procfs even when {@code --procfs} points elsewhere).
 */
public final class HostUser {
    private static final Path SELF_STATUS = Path.of("/proc/self/status");

    private HostUser() {
    }

    /** The effective uid, empty when {@code /proc/self/status} cannot be read. */
    public static OptionalLong effectiveUid() {
        return effectiveUid(SELF_STATUS);
    }

    /** As {@link #effectiveUid()}, from {@code status}. Package-private for testing. */
    static OptionalLong effectiveUid(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("Uid:")) {
                    String[] ids = line.substring(4).strip().split("\\s+");
                    return ids.length > 1 ? OptionalLong.of(Long.parseLong(ids[1])) : OptionalLong.empty();
                }
            }
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    /** Why cgroup writes will fail: berth does not run as root (or it cannot tell); empty when root. */
    public static Optional<String> notRootReason() {
        OptionalLong uid = effectiveUid();
        if (uid.isEmpty()) {
            return Optional.of("cannot tell whether berth runs as root: " + SELF_STATUS + " has no readable Uid line");
        }
        return uid.getAsLong() == 0 ? Optional.empty()
                : Optional.of("berth runs as uid " + uid.getAsLong() + ", not root; changing containers needs root");
    }
}
