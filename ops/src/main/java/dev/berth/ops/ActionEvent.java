package dev.berth.ops;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One control action, for an {@link ActionListener}.
 *
 * @param at when the action ended
 * @param action what was done
 * @param target the NAME as given (or the console row's name)
 * @param cgroupPath the cgroup acted on, "/"-rooted; empty when the NAME did not resolve
 * @param before the values the action changes as they were, keyed like {@code berth set}'s options without
 *     dashes ({@code memory -> 512M}); for set only, else empty
 * @param after the values asked for, same keys ({@code signal -> KILL} for kill, {@code memory -> 256M} for set)
 * @param uid the effective uid of the berth process; empty when it could not be read
 * @param outcome done, refused or failed
 * @param error the error message when not done
 */
public record ActionEvent(Instant at, Action action, String target, Optional<String> cgroupPath,
        Map<String, String> before, Map<String, String> after, OptionalLong uid, Outcome outcome,
        Optional<String> error) {

    public ActionEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        before = Map.copyOf(before);
        after = Map.copyOf(after);
    }

    /** The verbs that change something. */
    public enum Action { SET_LIMITS, FREEZE, THAW, KILL, STOP, REMOVE, LAUNCH }

    /** How the action ended. */
    public enum Outcome {
        /** Done as asked. */
        DONE,
        /** Refused before anything changed (invalid value, no such container, not permitted). */
        REFUSED,
        /** Failed part-way; what was changed is restored where the verb says so. */
        FAILED
    }
}
