package dev.berth.runtime.launch;

import java.nio.file.Path;

/**
 * A bind mount from the host into the container, as {@code -v HOST:CTR[:ro]} names it.
 *
 * @param host absolute host path (file or directory) that must exist
 * @param container absolute path inside the container, without "." or ".." components
 * @param readOnly whether the container sees it read-only
 */
public record Volume(Path host, String container, boolean readOnly) {
    /** Parses {@code HOST:CTR[:ro|rw]}; the message names the value and the accepted form. */
    public static Volume parse(String s) {
        String[] parts = s.split(":", -1);
        if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new IllegalArgumentException("invalid volume \"" + s + "\": expected HOST:CTR or HOST:CTR:ro");
        }
        boolean ro = false;
        if (parts.length == 3) {
            if (!parts[2].equals("ro") && !parts[2].equals("rw")) {
                throw new IllegalArgumentException("invalid volume \"" + s + "\": mode \"" + parts[2]
                        + "\" is neither ro nor rw");
            }
            ro = parts[2].equals("ro");
        }
        if (!parts[0].startsWith("/")) {
            throw new IllegalArgumentException("invalid volume \"" + s + "\": the host path must be absolute");
        }
        return new Volume(Path.of(parts[0]).normalize(), ContainerPaths.requireClean(parts[1], "volume \"" + s + "\""), ro);
    }

    @Override
    public String toString() {
        return host + ":" + container + (readOnly ? ":ro" : "");
    }
}
