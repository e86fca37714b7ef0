package dev.berth.runtime.launch;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The launch config frame the C helper reads: a 4-byte big-endian length, then NUL-terminated
 * strings read as {@code KEY VALUE...}, each key with a fixed number of values (see
 * {@code read_config} in berth-helper.c). Strings cannot carry NUL, which is also true of argv,
 * environment entries and paths, so nothing needs escaping. Package-private for testing.
 */
final class HelperConfig {
    private final List<String> items = new ArrayList<>();

    /** Appends {@code key} and its values. */
    HelperConfig put(String key, String... values) {
        items.add(key);
        for (String v : values) {
            if (v.indexOf('\0') >= 0) {
                throw new IllegalArgumentException(key + " value contains a NUL character");
            }
            items.add(v);
        }
        return this;
    }

    List<String> items() {
        return List.copyOf(items);
    }

    /** The encoded frame. */
    byte[] encode() {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        for (String s : items) {
            payload.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            payload.write(0);
        }
        int n = payload.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream(n + 4);
        out.write(n >>> 24);
        out.write(n >>> 16);
        out.write(n >>> 8);
        out.write(n);
        out.writeBytes(payload.toByteArray());
        return out.toByteArray();
    }
}
