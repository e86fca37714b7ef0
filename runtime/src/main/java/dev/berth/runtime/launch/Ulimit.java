package dev.berth.runtime.launch;

import dev.berth.cgroupctl.Limit;
import java.util.Locale;
import java.util.Set;

/**
 * A resource limit for the container's processes, as {@code --ulimit NAME=SOFT[:HARD]} names it
 * (the names of {@code setrlimit(2)} without {@code RLIMIT_}, any case; a value may be
 * {@code unlimited}).
 */
public record Ulimit(String name, Limit soft, Limit hard) {
    static final Set<String> NAMES = Set.of("CPU", "FSIZE", "DATA", "STACK", "CORE", "RSS", "NPROC", "NOFILE",
            "MEMLOCK", "AS", "LOCKS", "SIGPENDING", "MSGQUEUE", "NICE", "RTPRIO", "RTTIME");

    /** runc's default ({@code runc spec}): 1024 open files, soft and hard. */
    public static final Ulimit DEFAULT_NOFILE = new Ulimit("NOFILE", Limit.of(1024), Limit.of(1024));

    /** Checks the name and that soft does not exceed hard. */
    public Ulimit {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("invalid ulimit \"" + name.toLowerCase(Locale.ROOT) + "\": expected one of "
                    + String.join(", ", NAMES.stream().sorted().map(n -> n.toLowerCase(Locale.ROOT)).toList()));
        }
        if (!hard.isUnlimited() && (soft.isUnlimited() || soft.value().getAsLong() > hard.value().getAsLong())) {
            throw new IllegalArgumentException("invalid ulimit " + name.toLowerCase(Locale.ROOT) + "=" + soft + ":" + hard
                    + ": the soft limit exceeds the hard limit");
        }
    }

    /** Parses {@code name=soft[:hard]}; hard defaults to soft. */
    public static Ulimit parse(String s) {
        int eq = s.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("invalid ulimit \"" + s + "\": expected NAME=SOFT[:HARD], e.g. nofile=1024:4096");
        }
        String name = s.substring(0, eq).toUpperCase(Locale.ROOT);
        String[] v = s.substring(eq + 1).split(":", -1);
        if (v.length > 2) {
            throw new IllegalArgumentException("invalid ulimit \"" + s + "\": expected NAME=SOFT[:HARD]");
        }
        Limit soft = value(v[0], s);
        Limit hard = v.length == 2 ? value(v[1], s) : soft;
        return new Ulimit(name, soft, hard);
    }

    private static Limit value(String v, String whole) {
        if (v.equals("unlimited") || v.equals("-1")) {
            return Limit.UNLIMITED;
        }
        try {
            long n = Long.parseLong(v);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return Limit.of(n);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid ulimit \"" + whole + "\": \"" + v
                    + "\" is not a non-negative number or unlimited", e);
        }
    }

    /** The helper's wire form of a value. */
    static String wire(Limit l) {
        return l.isUnlimited() ? "unlimited" : Long.toString(l.value().getAsLong());
    }

    @Override
    public String toString() {
        return name.toLowerCase(Locale.ROOT) + "=" + wire(soft) + ":" + wire(hard);
    }
}
