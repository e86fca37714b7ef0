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
 * Looks up the names docker and podman gave their containers, and the images they made them from, from their
 * state on disk under an injectable root (normally {@code /}):
 * <ul>
 *   <li>docker: {@code <root>/var/lib/docker/containers/<id>/config.v2.json}, field {@code Name}
 *       (docker stores it with a leading "/", which is dropped), and {@code Config.Image}, the image as the user
 *       named it (what {@code docker ps} shows and cAdvisor's docker handler reports);</li>
 *   <li>podman (root): {@code <root>/var/lib/containers/storage/overlay-containers/containers.json}, an array of
 *       {@code {"id": ..., "names": [...], "metadata": "..."}} written by containers/storage; the first name is
 *       used, and the image is {@code image-name} of the JSON text in {@code metadata} (podman's own record of
 *       the image the user named, e.g. {@code docker.io/library/alpine:latest}).</li>
 * </ul>
 * A missing or unreadable file means "no name" (the caller shows the short id) and no image; it is not an error, because
 * berth may run without access to the runtimes' state. Files are re-parsed only when their modification time
 * changes, so a tick costs one {@code stat} per container. Not thread-safe: use from one sampling thread.
 */
public final class RuntimeNames {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dockerContainers;
    private final Path podmanContainers;
    private final ModifiedFileCache<String, Entry> dockerCache = new ModifiedFileCache<>(Entry.NONE);
    private FileTime podmanTime;
    private Map<String, Entry> podmanEntries = Map.of();

    /** @param root filesystem root holding {@code var/lib/docker} and {@code var/lib/containers} */
    public RuntimeNames(Path root) {
        this.dockerContainers = root.resolve("var/lib/docker/containers");
        this.podmanContainers = root.resolve("var/lib/containers/storage/overlay-containers/containers.json");
    }

    /** What one runtime's state says about one container. */
    private record Entry(Optional<String> name, Optional<String> image) {
        static final Entry NONE = new Entry(Optional.empty(), Optional.empty());
    }

    /** docker's name for container {@code id}, if its config is readable. */
    public Optional<String> docker(String id) {
        return dockerEntry(id).name();
    }

    /** The image docker made container {@code id} from ({@code Config.Image}), if its config is readable. */
    public Optional<String> dockerImage(String id) {
        return dockerEntry(id).image();
    }

    /** podman's name for container {@code id}, if its storage is readable. */
    public Optional<String> podman(String id) {
        return podmanEntry(id).name();
    }

    /** The image podman made container {@code id} from ({@code image-name}), if its storage is readable. */
    public Optional<String> podmanImage(String id) {
        return podmanEntry(id).image();
    }

    private Entry dockerEntry(String id) {
        return dockerCache.get(id, dockerContainers.resolve(id).resolve("config.v2.json"), RuntimeNames::readDocker);
    }

    private Entry podmanEntry(String id) {
        FileTime t = mtime(podmanContainers);
        if (t == null) {
            podmanEntries = Map.of();
            podmanTime = null;
            return Entry.NONE;
        }
        if (!t.equals(podmanTime)) {
            podmanEntries = readPodman(podmanContainers);
            podmanTime = t;
        }
        return podmanEntries.getOrDefault(id, Entry.NONE);
    }

    private static Entry readDocker(Path file) {
        try {
            JsonNode root = JSON.readTree(file.toFile());
            if (root == null) {
                return Entry.NONE;
            }
            Optional<String> name = text(root.get("Name")).map(n -> n.startsWith("/") ? n.substring(1) : n);
            JsonNode config = root.get("Config");
            return new Entry(name, config == null ? Optional.empty() : text(config.get("Image")));
        } catch (IOException e) {
            return Entry.NONE;   // unreadable or being rewritten by dockerd: no name this tick
        }
    }

    private static Map<String, Entry> readPodman(Path file) {
        Map<String, Entry> out = new HashMap<>();
        try {
            JsonNode all = JSON.readTree(file.toFile());
            if (all != null && all.isArray()) {
                for (JsonNode c : all) {
                    JsonNode id = c.get("id");
                    JsonNode names = c.get("names");
                    if (id == null || !id.isTextual()) {
                        continue;
                    }
                    Optional<String> name = names != null && names.isArray() && names.size() > 0
                            ? text(names.get(0)) : Optional.empty();
                    out.put(id.asText(), new Entry(name, podmanImage(c.get("metadata"))));
                }
            }
        } catch (IOException e) {
            // unreadable or being rewritten: no names this tick
        }
        return out;
    }

    /** {@code image-name} of podman's metadata, a JSON object written as a string inside the entry. */
    private static Optional<String> podmanImage(JsonNode metadata) {
        if (metadata == null || !metadata.isTextual()) {
            return Optional.empty();
        }
        try {
            JsonNode m = JSON.readTree(metadata.asText());
            return m == null ? Optional.empty() : text(m.get("image-name"));
        } catch (IOException e) {
            return Optional.empty();   // not podman's metadata (another containers/storage user): no image
        }
    }

    /** A non-empty text node's text. */
    private static Optional<String> text(JsonNode n) {
        return n != null && n.isTextual() && !n.asText().isEmpty() ? Optional.of(n.asText()) : Optional.empty();
    }

    private static FileTime mtime(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return null;
        }
    }
}
