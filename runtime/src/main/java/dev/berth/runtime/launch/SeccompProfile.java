package dev.berth.runtime.launch;

import java.util.Locale;

/**
 * The seccomp profile of a container's processes, as {@code --security-opt seccomp=...} names it.
 * The profile itself is compiled into the C helper ({@code runtime/src/main/c/seccomp.c}).
 */
public enum SeccompProfile {
    /**
     * Docker's default allow-list for a container with Docker's default capabilities: any other system call
     * fails with EPERM; clone with namespace flags, {@code socket(AF_VSOCK)} and the i386 and x32 ABIs too.
     */
    DEFAULT,
    /** No filter: every system call the container's capabilities allow. */
    UNCONFINED;

    /**
     * Parses a {@code --security-opt} value: {@code seccomp=unconfined} or {@code seccomp=default}. The message
     * names the value and what is accepted.
     */
    public static SeccompProfile parseSecurityOpt(String s) {
        String prefix = "seccomp=";
        if (s.startsWith(prefix)) {
            for (SeccompProfile p : values()) {
                if (p.toString().equals(s.substring(prefix.length()))) {
                    return p;
                }
            }
        }
        throw new IllegalArgumentException("invalid security option \"" + s
                + "\": expected seccomp=unconfined or seccomp=default (profile files are not supported)");
    }

    /**
     * The profile a state file recorded; null (a container started before berth recorded it) is the default.
     *
     * @throws IllegalArgumentException for a name berth does not know
     */
    public static SeccompProfile fromRecorded(String name) {
        if (name == null) {
            return DEFAULT;
        }
        for (SeccompProfile p : values()) {
            if (p.toString().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown seccomp profile \"" + name + "\": expected default or unconfined");
    }

    /** The name in the helper's launch config and in the state file: {@code default} or {@code unconfined}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
