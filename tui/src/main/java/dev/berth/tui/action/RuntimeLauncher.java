package dev.berth.tui.action;

import dev.berth.cgroupctl.Resources;
import dev.berth.runtime.ContainerName;
import dev.berth.ops.Containers;
import dev.berth.ops.OpsException;
import dev.berth.runtime.launch.LaunchSpec;
import dev.berth.runtime.launch.RunningContainer;
import dev.berth.runtime.limits.LimitRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Launches a detached container from the launch form through {@link Containers#launch}, as
 * {@code berth run -d --rootfs ROOTFS --name NAME [--cpus ..] [--memory ..] [--pids-limit ..] CMD}
 * would (own network namespace with lo, as {@code run}'s default).
 */
public final class RuntimeLauncher implements CgroupActions.Launcher {
    private final Containers containers;

    /** Launches with the verbs of {@code containers}. */
    public RuntimeLauncher(Containers containers) {
        this.containers = containers;
    }

    @Override
    public Optional<String> validate(LaunchField field, String text) {
        String t = text.strip();
        switch (field) {
            case ROOTFS:
                if (t.isEmpty()) {
                    return Optional.of("required: a root filesystem directory or tar archive");
                }
                return Files.exists(Path.of(t)) ? Optional.empty() : Optional.of("'" + t + "' does not exist");
            case NAME:
                return t.isEmpty() || ContainerName.isValid(t) ? Optional.empty()
                        : Optional.of("'" + t + "' is not a name: expected " + ContainerName.SYNTAX);
            case COMMAND:
                try {
                    return words(t).isEmpty() ? Optional.of("required: the program to run and its arguments")
                            : Optional.empty();
                } catch (IllegalArgumentException e) {
                    return Optional.of(e.getMessage());
                }
            case CPU_QUOTA:
                return LimitText.validate(LimitField.CPU_QUOTA, t);
            case MEMORY_MAX:
                return LimitText.validate(LimitField.MEMORY_MAX, t);
            case PIDS_MAX:
                return LimitText.validate(LimitField.PIDS_MAX, t);
            default:
                throw new IllegalStateException(field.toString());
        }
    }

    @Override
    public String launch(Map<LaunchField, String> values) throws ActionException {
        for (Map.Entry<LaunchField, String> e : values.entrySet()) {
            Optional<String> err = validate(e.getKey(), e.getValue());
            if (err.isPresent()) {
                throw new ActionException(e.getKey().label() + ": " + err.get());
            }
        }
        LimitRequest.Builder b = LimitRequest.builder();
        limit(b, LimitField.CPU_QUOTA, values.get(LaunchField.CPU_QUOTA));
        limit(b, LimitField.MEMORY_MAX, values.get(LaunchField.MEMORY_MAX));
        limit(b, LimitField.PIDS_MAX, values.get(LaunchField.PIDS_MAX));
        LimitRequest request = b.build();
        Resources resources;
        try {
            resources = containers.resolveLimits(request);
        } catch (OpsException e) {
            throw new ActionException(e.getMessage(), e);
        }
        String name = values.getOrDefault(LaunchField.NAME, "").strip();
        LaunchSpec spec = LaunchSpec.of(Path.of(values.get(LaunchField.ROOTFS).strip()).toAbsolutePath(),
                words(values.get(LaunchField.COMMAND))).withDetached(true).withResources(resources, request.describe());
        if (!name.isEmpty()) {
            spec = spec.withName(ContainerName.of(name));
        }
        RunningContainer c;
        try {
            c = containers.launch(spec);
        } catch (OpsException e) {
            throw new ActionException(e.getMessage(), e);
        }
        // the status line has room for one line: a warning (no device allow-list on v2) replaces the success
        return c.warnings().isEmpty() ? "launched " + c.record().name() + " (pid " + c.record().pid() + ")"
                : "launched " + c.record().name() + "; warning: " + c.warnings().get(0);
    }

    private static void limit(LimitRequest.Builder b, LimitField f, String text) {
        if (text != null && !text.isBlank()) {
            LimitText.addTo(b, f, text);
        }
    }

    /**
     * Splits a command line into words: blanks separate, single and double quotes group, a
     * backslash escapes the next character (a subset of sh: no variables, no globbing).
     */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    w.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                w.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
            } else {
                w.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unterminated " + quote + " quote");
        }
        if (inWord) {
            out.add(w.toString());
        }
        return out;
    }
}
