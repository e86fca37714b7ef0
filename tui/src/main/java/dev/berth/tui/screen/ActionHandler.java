package dev.berth.tui.screen;

import dev.berth.tui.action.ActionException;
import dev.berth.tui.action.ContainerActions;
import dev.berth.tui.action.LaunchField;
import dev.berth.tui.action.LimitField;
import dev.berth.tui.keys.Action;
import dev.berth.tui.view.ContainerRow;
import dev.berth.collectors.ContainerState;
import dev.berth.ops.CurrentLimits;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The container actions of the console: opens the limit and launch forms, asks for confirmation of
 * destructive actions, runs the action off the UI thread and reports the outcome in the status line.
 */
final class ActionHandler {
    /** Signals offered by the kill dialog, most common first. */
    static final List<String> SIGNALS = List.of("TERM", "KILL", "INT", "HUP", "QUIT", "USR1", "USR2", "STOP", "CONT");

    private final ConsoleState s;
    private final ContainerActions actions;
    private final Effects effects;
    private final InstantSource clock;

    ActionHandler(ConsoleState s, ContainerActions actions, Effects effects, InstantSource clock) {
        this.s = s;
        this.actions = actions;
        this.effects = effects;
        this.clock = clock;
    }

    /** Starts {@code a} on {@code target} (empty when the selection is not a container). */
    void start(Action a, Optional<ContainerRow> target) {
        if (s.readOnlyReason.isPresent()) {
            error(verb(a) + " unavailable: " + s.readOnlyReason.get());
            return;
        }
        if (a == Action.LAUNCH) {
            launchForm();
            return;
        }
        if (target.isEmpty()) {
            error(verb(a) + ": select a container first (this row is a cgroup that groups containers)");
            return;
        }
        ContainerRow c = target.get();
        switch (a) {
            case EDIT_LIMITS -> limitForm(c);
            case FREEZE -> {
                if (c.state() == ContainerState.FROZEN) {
                    run("thaw " + c.name(), () -> {
                        actions.thaw(c);
                        return "thawed " + c.name();
                    });
                } else {
                    s.overlay = new Overlay.Confirm("freeze " + c.name() + " (" + pids(c) + ")?",
                            () -> run("freeze " + c.name(), () -> {
                                actions.freeze(c);
                                return "froze " + c.name();
                            }));
                }
            }
            case STOP -> s.overlay = new Overlay.Confirm("stop " + c.name() + " (" + pids(c)
                    + "): SIGTERM, then SIGKILL?", () -> run("stop " + c.name(), () -> {
                        actions.stop(c);
                        return "stopped " + c.name();
                    }));
            case KILL -> s.overlay = new Overlay.Choice("signal for " + c.name(),
                    SIGNALS.stream().map(x -> "SIG" + x).toList(), 0, i -> {
                        String sig = SIGNALS.get(i);
                        s.overlay = new Overlay.Confirm("send SIG" + sig + " to every process of " + c.name() + " ("
                                + pids(c) + ")?", () -> run("kill " + c.name(), () -> {
                                    actions.kill(c, sig);
                                    return "sent SIG" + sig + " to " + c.name();
                                }));
                    });
            default -> throw new IllegalArgumentException("not a container action: " + a);
        }
    }

    private static String pids(ContainerRow c) {
        return c.pids().isPresent() ? c.pids().getAsLong() + " processes" : "processes unknown";
    }

    private static String verb(Action a) {
        return switch (a) {
            case EDIT_LIMITS -> "edit limits";
            case FREEZE -> "freeze/thaw";
            case STOP -> "stop";
            case KILL -> "kill";
            case LAUNCH -> "launch";
            default -> a.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private void limitForm(ContainerRow c) {
        CurrentLimits l;
        try {
            l = actions.readLimits(c);
        } catch (ActionException e) {
            error("edit limits of " + c.name() + ": " + e.getMessage());
            return;
        }
        Map<LimitField, Optional<String>> current = new EnumMap<>(LimitField.class);
        current.put(LimitField.CPU_QUOTA, l.cpuQuota());
        current.put(LimitField.CPU_WEIGHT, l.cpuWeight());
        current.put(LimitField.CPUSET_CPUS, l.cpusetCpus());
        current.put(LimitField.CPUSET_MEMS, l.cpusetMems());
        current.put(LimitField.MEMORY_MAX, l.memoryMax());
        current.put(LimitField.MEMORY_HIGH, l.memoryHigh());
        current.put(LimitField.PIDS_MAX, l.pidsMax());
        current.put(LimitField.IO, Optional.of(String.join("; ", l.io())));
        List<Form.Field> fields = new ArrayList<>();
        for (LimitField f : LimitField.values()) {
            Optional<String> cur = current.get(f);
            fields.add(new Form.Field(f.name(), f.label(), cur.orElse(""), cur.isPresent(), f.syntax(),
                    text -> actions.validateLimit(f, text)));
        }
        s.overlay = new Overlay.FormBox(new Form("limits of " + c.name(), fields), form -> {
            Map<LimitField, String> changed = new EnumMap<>(LimitField.class);
            form.changed().forEach((k, v) -> changed.put(LimitField.valueOf(k), v));
            if (changed.isEmpty()) {
                info("limits of " + c.name() + " unchanged");
                return;
            }
            run("limits of " + c.name(), () -> {
                actions.applyLimits(c, changed);
                return "applied " + describe(changed) + " to " + c.name();
            });
        });
    }

    private static String describe(Map<LimitField, String> changed) {
        List<String> parts = new ArrayList<>();
        changed.forEach((k, v) -> parts.add(k.label() + "=" + v));
        return String.join(", ", parts);
    }

    private void launchForm() {
        List<Form.Field> fields = new ArrayList<>();
        for (LaunchField f : LaunchField.values()) {
            fields.add(new Form.Field(f.name(), f.label(), "", true, f.syntax(),
                    text -> actions.validateLaunch(f, text)));
        }
        s.overlay = new Overlay.FormBox(new Form("launch a container", fields), form -> {
            Map<LaunchField, String> values = new EnumMap<>(LaunchField.class);
            form.values().forEach((k, v) -> values.put(LaunchField.valueOf(k), v));
            run("launch", () -> actions.launch(values));
        });
    }

    /** Work that may fail with a user-facing message. */
    interface Work {
        String call() throws ActionException;
    }

    /** Runs {@code work} in the background; its message or error lands in the status line. */
    void run(String what, Work work) {
        info(what + "...");
        effects.background(() -> {
            String msg;
            boolean failed;
            try {
                msg = work.call();
                failed = false;
            } catch (ActionException e) {
                msg = what + ": " + e.getMessage();
                failed = true;
            } catch (RuntimeException e) {
                msg = what + ": unexpected internal error: " + e;
                failed = true;
            }
            String m = msg;
            boolean f = failed;
            effects.onUiThread(() -> {
                if (f) {
                    error(m);
                } else {
                    info(m);
                }
            });
            effects.sampleNow();
        });
    }

    void info(String text) {
        s.status = new ConsoleState.Status(text, false, clock.instant());
    }

    void error(String text) {
        s.status = new ConsoleState.Status(text, true, clock.instant());
    }
}
