package dev.berth.runtime.launch;

import dev.berth.runtime.net.NetworkMode;
import dev.berth.runtime.net.VethNetwork;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks a {@link LaunchSpec} against the host before anything is created, as a list of small
 * named checks (runc's {@code validate.Validator} idea). The first failing check's message is
 * the error; every message names the value and what is accepted.
 */
public final class SpecValidator {
    /** RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens, 64 bytes at most (UTS limit). */
    private static final Pattern HOSTNAME = Pattern.compile(
            "(?=.{1,64}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    private static final Pattern ENV_NAME = Pattern.compile("[^=\\x00]+");

    private record Check(String name, Function<LaunchSpec, Optional<String>> check) {
    }

    private final List<Check> checks = List.of(
            new Check("command", SpecValidator::command),
            new Check("rootfs", SpecValidator::rootfs),
            new Check("hostname", SpecValidator::hostname),
            new Check("env", SpecValidator::env),
            new Check("workdir", SpecValidator::workdir),
            new Check("volumes", SpecValidator::volumes),
            new Check("network", SpecValidator::network));

    /** Every problem found, in check order; empty when the spec can be launched. */
    public List<String> problems(LaunchSpec spec) {
        List<String> out = new ArrayList<>();
        for (Check c : checks) {
            c.check().apply(spec).ifPresent(out::add);
        }
        return out;
    }

    /** Throws with the first problem. */
    public void validate(LaunchSpec spec) throws LaunchException {
        List<String> p = problems(spec);
        if (!p.isEmpty()) {
            throw new LaunchException(p.get(0));
        }
    }

    private static Optional<String> command(LaunchSpec s) {
        if (s.command().isEmpty() || s.command().get(0).isEmpty()) {
            return Optional.of("no command given: put it after --, e.g. berth run --rootfs DIR -- sh");
        }
        return s.command().stream().filter(a -> a.indexOf('\0') >= 0).findFirst()
                .map(a -> "command argument contains a NUL character");
    }

    private static Optional<String> rootfs(LaunchSpec s) {
        if (Files.isDirectory(s.rootfs()) || Files.isRegularFile(s.rootfs())) {
            return Optional.empty();
        }
        return Optional.of("rootfs " + s.rootfs() + ": no such directory or archive");
    }

    private static Optional<String> hostname(LaunchSpec s) {
        return s.hostname().filter(h -> !HOSTNAME.matcher(h).matches())
                .map(h -> "invalid hostname \"" + h + "\": expected letters, digits, inner hyphens and dots, 64 characters at most");
    }

    private static Optional<String> env(LaunchSpec s) {
        for (String e : s.env()) {
            int eq = e.indexOf('=');
            if (eq <= 0 || !ENV_NAME.matcher(e.substring(0, eq)).matches() || e.indexOf('\0') >= 0) {
                return Optional.of("invalid environment entry \"" + e + "\": expected NAME=VALUE");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> workdir(LaunchSpec s) {
        try {
            s.workdir().ifPresent(w -> ContainerPaths.requireClean(w, "working directory"));
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static Optional<String> volumes(LaunchSpec s) {
        return s.volumes().stream().filter(v -> !Files.exists(v.host()))
                .findFirst().map(v -> "volume " + v + ": host path " + v.host() + " does not exist");
    }

    private static Optional<String> network(LaunchSpec s) {
        if (s.ip().isPresent() && s.network() != NetworkMode.VETH) {
            return Optional.of("--ip needs --net veth (the container has no other interface to put it on)");
        }
        if (s.network() == NetworkMode.VETH && s.name().isPresent()) {
            String host = VethNetwork.hostInterfaceName(s.name().get().value());
            if (VethNetwork.exists(host)) {
                return Optional.of("host interface " + host + " already exists; choose another container name");
            }
        }
        return Optional.empty();
    }
}
