package dev.berth.history.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Something that happened to a container, kept in the history next to the samples: it appeared or disappeared
 * (with its name, so that names survive restarts), or a front end of berth changed it. Immutable.
 *
 * @param id        unique id of the event, so that one ingested twice (a recorder killed between storing the
 *                  journal and emptying it) is shown once
 * @param at        when, UTC
 * @param kind      what happened
 * @param container the container's name as berth showed it
 * @param cgroup    its cgroup path, "/"-rooted; empty when the action failed before the container was resolved
 * @param uid       the user id of the process that acted; empty for events the recorder observed
 * @param source    who reported it: {@code recorder}, {@code cli}, {@code shell}, {@code console}
 * @param changes   for {@link Kind#SET}: each limit with its old and new value; otherwise empty, or the detail of
 *                  the action (a signal for kill, the command for launch)
 * @param outcome   {@code ok}, or why it failed
 */
public record Event(String id, Instant at, Kind kind, String container, Optional<String> cgroup, OptionalLong uid,
        String source, List<Change> changes, Outcome outcome) {

    public Event {
        Objects.requireNonNull(id);
        Objects.requireNonNull(at);
        changes = List.copyOf(changes);
    }

    /** What happened; {@link #label()} is the word in reports and in the JSON encoding. */
    public enum Kind {
        APPEARED("appeared"), DISAPPEARED("disappeared"), SET("set"), FREEZE("freeze"), THAW("thaw"),
        KILL("kill"), STOP("stop"), LAUNCH("launch"), RM("rm");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The kind named {@code label}, or empty. */
        public static Optional<Kind> ofLabel(String label) {
            for (Kind k : values()) {
                if (k.label.equals(label)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }

        /** True for the actions a front end performs (not the recorder's observations). */
        public boolean isControl() {
            return this != APPEARED && this != DISAPPEARED;
        }
    }

    /**
     * One changed value.
     *
     * @param what   the setting, as the CLI names it ({@code memory}, {@code cpus}, {@code signal})
     * @param before its value before, as the CLI would print it; empty when not known or not applicable
     * @param after  its value after (or the value asked for when the action failed)
     */
    public record Change(String what, Optional<String> before, String after) {
    }

    /**
     * How it ended.
     *
     * @param ok    true when the action took effect
     * @param error why it failed; empty when ok
     */
    public record Outcome(boolean ok, Optional<String> error) {
        public static final Outcome OK = new Outcome(true, Optional.empty());

        public static Outcome failed(String why) {
            return new Outcome(false, Optional.of(why));
        }
    }
}
