package dev.berth.collectors.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Looks up the names docker and podman gave their containers, from their state on disk under an injectable
 * root (normally {@code /}):
 * <ul>
 *   <li>docker: {@code <root>/var/lib/docker/containers/<id>/config.v2.json}, field {@code Name}
 *       (docker stores it with a leading "/", which is dropped);</li>
 *   <li>podman (root): {@code <root>/var/lib/containers/storage/overlay-containers/containers.json}, an array of
 *       {@code {"id": ..., "names": [...]}} written by containers/storage; the first name is used.</li>
 * </ul>
 * A missing or unreadable file means "no name" (the caller shows the short id); it is not an error, because
 * berth may run without access to the runtimes' state. Files are re-parsed only when their modification time
 * changes, so a tick costs one {@code stat} per container. Not thread-safe: use from one sampling thread.
 */
public final class RuntimeNames {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dockerContainers;
    private final Path podmanContainers;
    private final Map<String, Cached> dockerCache = new HashMap<>();
    private FileTime podmanTime;
    private Map<String, String> podmanNames = Map.of();

    /** @param root filesystem root holding {@code var/lib/docker} and {@code var/lib/containers} */
    public RuntimeNames(Path root) {
        this.dockerContainers = root.resolve("var/lib/docker/containers");
        this.podmanContainers = root.resolve("var/lib/containers/storage/overlay-containers/containers.json");
    }

    private record Cached(FileTime time, Optional<String> name) {
    }

    /** docker's name for container {@code id}, if its config is readable. */
    public Optional<String> docker(String id) {
        Path file = dockerContainers.resolve(id).resolve("config.v2.json");
        FileTime t = mtime(file);
        if (t == null) {
            dockerCache.remove(id);
            return Optional.empty();
        }
        Cached c = dockerCache.get(id);
        if (c == null || !c.time().equals(t)) {
            c = new Cached(t, readDockerName(file));
            dockerCache.put(id, c);
        }
        return c.name();
    }

    /** podman's name for container {@code id}, if its storage is readable. */
    public Optional<String> podman(String id) {
        FileTime t = mtime(podmanContainers);
        if (t == null) {
            podmanNames = Map.of();
            podmanTime = null;
            return Optional.empty();
        }
        if (!t.equals(podmanTime)) {
            podmanNames = readPodmanNames(podmanContainers);
            podmanTime = t;
        }
        return Optional.ofNullable(podmanNames.get(id));
    }

    private static Optional<String> readDockerName(Path file) {
        try {
            JsonNode name = JSON.readTree(file.toFile()).get("Name");
            if (name == null || !name.isTextual() || name.asText().isEmpty()) {
                return Optional.empty();
            }
            String n = name.asText();
            return Optional.of(n.startsWith("/") ? n.substring(1) : n);
        } catch (IOException e) {
            return Optional.empty();   // unreadable or being rewritten by dockerd: no name this tick
        }
    }

    private static Map<String, String> readPodmanNames(Path file) {
        Map<String, String> out = new HashMap<>();
        try {
            JsonNode all = JSON.readTree(file.toFile());
            if (all != null && all.isArray()) {
                for (JsonNode c : all) {
                    JsonNode id = c.get("id");
                    JsonNode names = c.get("names");
                    if (id != null && names != null && names.isArray() && names.size() > 0) {
                        out.put(id.asText(), names.get(0).asText());
                    }
                }
            }
        } catch (IOException e) {
            // unreadable or being rewritten: no names this tick
        }
        return out;
    }

    private static FileTime mtime(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return null;
        }
    }
}
