package dev.berth.runtime;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A container's id: 64 lower-case hex digits (256 random bits), shown shortened to 12 digits, as
 * Docker does. Unlike the name, the id never changes and is never reused.
 */
public record ContainerId(@JsonValue String value) {
    private static final Pattern PATTERN = Pattern.compile("[0-9a-f]{64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** @throws IllegalArgumentException unless {@code value} is 64 lower-case hex digits */
    public ContainerId {
        if (value == null || !PATTERN.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid container id \"" + value + "\": expected 64 hex digits");
        }
    }

    /** Parses a stored id. */
    @JsonCreator
    public static ContainerId of(String value) {
        return new ContainerId(value);
    }

    /** A fresh random id. */
    public static ContainerId random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new ContainerId(HexFormat.of().formatHex(bytes));
    }

    /** The first 12 hex digits, for display. */
    public String shortId() {
        return value.substring(0, 12);
    }

    @Override
    public String toString() {
        return value;
    }
}
