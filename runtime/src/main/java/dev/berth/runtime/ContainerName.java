package dev.berth.runtime;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * The name of one of berth's own containers: {@code [A-Za-z0-9][A-Za-z0-9_.-]{0,62}}, the
 * alphabet Docker accepts, capped at 63 characters so that the name fits a hostname label and
 * the host side of a veth pair can be derived from it.
 *
 * <p>The name is also a directory under the state dir and a cgroup under the cgroup parent, which
 * is why "." and ".." (both excluded by the first-character rule) and "/" can never appear.
 * Uniqueness is not a property of the name itself: {@code StateStore.create} enforces it by
 * creating the container's state directory atomically.
 */
public record ContainerName(@JsonValue String value) implements Comparable<ContainerName> {
    /** The accepted syntax, as shown in error messages. */
    public static final String SYNTAX = "[A-Za-z0-9][A-Za-z0-9_.-]{0,62}";
    private static final Pattern PATTERN = Pattern.compile(SYNTAX);

    /**
     * @throws IllegalArgumentException if {@code value} does not match {@link #SYNTAX}; the
     *     message names the value and the accepted syntax
     */
    public ContainerName {
        if (value == null || !PATTERN.matcher(value).matches()) {
            throw new IllegalArgumentException(describeInvalid(value));
        }
    }

    /** Same as the constructor; reads better at call sites that parse user input. */
    @JsonCreator
    public static ContainerName of(String value) {
        return new ContainerName(value);
    }

    /** Whether {@code value} is an acceptable container name. */
    public static boolean isValid(String value) {
        return value != null && PATTERN.matcher(value).matches();
    }

    /** The default name of a container started without {@code --name}: "berth-" and 12 hex digits of its id. */
    public static ContainerName forId(ContainerId id) {
        return new ContainerName("berth-" + id.shortId());
    }

    private static String describeInvalid(String value) {
        if (value == null || value.isEmpty()) {
            return "invalid container name \"\": expected " + SYNTAX;
        }
        if (value.length() > 63) {
            return "invalid container name \"" + abbreviate(value) + "\": " + value.length()
                    + " characters, at most 63 are accepted (" + SYNTAX + ")";
        }
        return "invalid container name \"" + abbreviate(value) + "\": expected " + SYNTAX;
    }

    private static String abbreviate(String value) {
        String printable = value.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return printable.length() > 70 ? printable.substring(0, 67) + "..." : printable;
    }

    @Override
    public int compareTo(ContainerName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
